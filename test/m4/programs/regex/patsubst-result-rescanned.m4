define(`X', `expanded')dnl
patsubst(`aXb', `X', `X') patsubst(`abc', `b', ``X'')
