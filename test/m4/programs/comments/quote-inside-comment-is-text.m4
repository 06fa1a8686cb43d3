define(`x', `X')dnl
# it`s a comment with x
x
