define(`x', `X')dnl
define(`at', `[$@]')dnl
at(`x', `y,z', x)
