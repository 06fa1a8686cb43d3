define(`x', `X')dnl
line two
x
dnl
line five
