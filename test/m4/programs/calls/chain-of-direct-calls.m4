dnl Bodies that open with calls of bodies that open with calls.
define(`a', `b(`$1', `[$1]')')dnl
define(`b', `c(`$2', `$1')')dnl
define(`c', `<$1|$2|$#>')dnl
a(`x') a(`a') a() a
define(`up', `ifelse(`$1', `3', `done', `up(incr(`$1'))')')dnl
up(`0')
define(`g', `ifelse(`$1', `x', `X', `Y')')dnl
len(g(`x')) index(g(`y')g(`x'), `X') g(g(`x'))
