define(`x', `X')dnl
x#x
xx#x
