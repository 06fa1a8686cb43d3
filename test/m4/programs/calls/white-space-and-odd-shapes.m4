dnl Bodies that nearly open with a call of quoted strings, and ones that do.
define(`f', `ifelse(
    `$1', `a',	`A',
  `B')')dnl
f(`a')f(`b')
define(`g', `ifelse(`$1' , `a', `A', `B')')dnl
g(`a') g(`b')
define(`h', `ifelse(`$1',`a',`A',`B'x)')dnl
h(`a') h(`b')
define(`i', `ifelse($1, `a', `A', `B')')dnl
i(`a') i(`b')
define(`j', `ifelse(`#$1', `#a', `A#', `B')')dnl
j(`a') j(`b')
define(`k', `ifelse()')dnl
k k(`x')
define(`m', `  ifelse(`$1', `a', `A', `B')')dnl
m(`a')
define(`n', `ifelse(`$1', `a', `A', `B'')dnl
n(`a'))
