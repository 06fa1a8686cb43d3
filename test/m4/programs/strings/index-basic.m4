index(`hello world', `o') index(`hello', `z') index(`hello', `') index(`', `a') index(`aaa', `aa')
