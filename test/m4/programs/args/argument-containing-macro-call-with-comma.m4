define(`pair', `1,2')dnl
define(`count', `$#')dnl
count(pair) count(`pair')
