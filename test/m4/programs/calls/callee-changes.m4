dnl The macro a body opens with may be undefined, redefined, renamed or traced.
define(`f', `g(`$1', `x')')dnl
f(`1')
define(`g', `[$1,$2]')dnl
f(`2')
define(`g', defn(`len'))dnl
f(`333')
undefine(`g')dnl
f(`4')
define(`g', `$#:$@')dnl
f(`5')
define(`p', `pushdef(`g', `inner')g(`$1')popdef(`g')g(`$1')')dnl
p(`6')
define(`d', `ifelse(`$1', `', `empty', `full')')dnl
d(defn(`len')) d(`') d(`z')
define(`self', `ifelse(`$0', `self', `me')')dnl
self
define(`e', `m4exit(`3')')dnl
before e after
