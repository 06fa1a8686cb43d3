dnl Tracing, __line__ and errors from a call a body opens with.
define(`f', `ifelse(`$1', `a', `__line__', `B')')dnl
f(`a')
f(
`a')
define(`g', `eval(`1/$1')')dnl
g(`0') g(`2')
define(`h', `ifelse(`1', `2', `3', `4', `5', `6', `7')')dnl
h
traceon(`ifelse')dnl
f(`a') f(`b')
traceoff(`ifelse')traceon(`f')dnl
f(`a')
traceoff(`f')debugmode(`aecxl')traceon(`g')dnl
g(`1')
