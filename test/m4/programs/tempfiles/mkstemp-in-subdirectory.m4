syscmd(`mkdir d')define(`n', mkstemp(`d/fXXXXXX'))dnl
substr(n, 0, 3) len(n)
syscmd(`rm -r d')dnl
