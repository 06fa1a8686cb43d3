dnl Traced calls whose arguments are quoted strings.
define(`f', `<$1,$2>')dnl
traceon(`f', `len')dnl
f(`a', `b') len(`abc') f(`x',
`y')
debugmode(`aeqc')dnl
f(`a', `b') len(`abc')
