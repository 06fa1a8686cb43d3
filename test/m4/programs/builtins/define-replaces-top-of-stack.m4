pushdef(`s', `one')pushdef(`s', `two')dnl
define(`s', `TWO')s popdef(`s')s
