translit(`aaa', `aa', `xy')
