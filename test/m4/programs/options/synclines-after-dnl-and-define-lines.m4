define(`a', `1')dnl
define(`b', `2')dnl

a
dnl comment
b
