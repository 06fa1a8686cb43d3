define(`x', `early')dnl
m4wrap(`x
')dnl
define(`x', `late')dnl
