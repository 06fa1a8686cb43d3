mkstemp maketemp define(`n', mkstemp())len(n)
syscmd(`rm -f 'n)dnl
