dnl Argument lists made only of quoted strings, in every shape around the quotes.
define(`show', `[$#:$*]')dnl
show(`a') show(`a', `b') show(`a',`b',`c') show(  `a',
	`b') show(`') show(`', `')
show(`a' , `b') show(`a'x, `b') show(`a', b) show(`a', `b'
)
show(`(', `)', `,', `a,b', `(a,b)') show(``nested'', `deep `er' still')
show(`1', `2', `3', `4', `5', `6', `7', `8') show(`1', `2', `3', `4', `5', `6', `7', `8', `9')
len(`a',
`b') __line__
define(`q', `$2')dnl
q(`x', `y
z') __line__
show(`#not a comment', `dnl') show(# a comment
`a')
changequote(`<<', `>>')dnl
show(<<a>>, <<b>>) show(<<a>>,<<b>>)
changequote`'dnl
show(`last', `one
