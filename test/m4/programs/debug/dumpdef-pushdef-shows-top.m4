pushdef(`s', `one')pushdef(`s', `two')dumpdef(`s')dnl
