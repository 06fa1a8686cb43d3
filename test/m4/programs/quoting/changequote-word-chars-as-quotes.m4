define(`x', `X')dnl
changequote(`q', `p')dnl
qxp x qqxpp
