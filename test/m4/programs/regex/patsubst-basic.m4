patsubst(`hello world', `o', `0') patsubst(`aaa', `a', `bb') patsubst(`abc', `x', `y')
