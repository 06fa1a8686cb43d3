translit(`abcde', `e-a', `12345') translit(`hello', `z-a')
