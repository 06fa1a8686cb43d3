define(`n', maketemp(`oldXXXXXX'))dnl
len(n) syscmd(`rm -f 'n)dnl
