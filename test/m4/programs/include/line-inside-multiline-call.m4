define(`f', `$1')dnl
f(`a',
`b') __line__ f(
__line__)
