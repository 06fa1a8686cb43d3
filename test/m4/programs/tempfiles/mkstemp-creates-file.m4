define(`name', mkstemp(`tmpXXXXXX'))dnl
len(name) substr(name, 0, 3) syscmd(`test -f 'name` && echo exists')dnl
syscmd(`rm -f 'name)dnl
