define(`x', `X')dnl
changequote(`', `')dnl
`x' x
