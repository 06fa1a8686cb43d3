define(`n', mkstemp(`eXXXXXX', `extra'))len(n)
syscmd(`rm -f 'n)dnl
