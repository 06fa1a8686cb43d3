define(`a', `b')dnl
define(`b', `c')dnl
define(`c', `done')dnl
a
define(`mk', `define(`$1', `$2')')dnl
mk(`new', `made')new
