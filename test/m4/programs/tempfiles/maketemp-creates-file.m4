define(`n', maketemp(`mtXXXXXX'))dnl
len(n) syscmd(`test -f 'n` && echo created')dnl
syscmd(`rm -f 'n)dnl
