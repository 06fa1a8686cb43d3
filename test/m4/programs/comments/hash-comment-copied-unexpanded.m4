define(`x', `X')dnl
x # x is not expanded in a comment
x
