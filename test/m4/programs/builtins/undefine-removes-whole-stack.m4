pushdef(`s', `one')pushdef(`s', `two')undefine(`s')s
