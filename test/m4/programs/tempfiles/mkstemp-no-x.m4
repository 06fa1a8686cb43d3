define(`n', mkstemp(`plain'))dnl
len(n) substr(n, 0, 5)
syscmd(`rm -f 'n)dnl
