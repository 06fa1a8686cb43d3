patsubst(`aaa', `^a', `X') patsubst(`aaa', `a$', `X') patsubst(`one two', `\<', `_')
