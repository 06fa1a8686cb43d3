define(`n', mkstemp(`fewXX'))dnl
len(n) substr(n, 0, 3)
syscmd(`rm -f 'n)dnl
