dnl Quotes that are digits or punctuation the call grammar uses.
define(`f', `ifelse(`$#', `1', `one', `many')')dnl
f(`x') f(`x', `y')
changequote(`1', `2')dnl
define1g2, 1ifelse11$#2, 112, 1one2, 1many22)dnl
g(1x2) g(1x2, 1y2)
changequote(`(', `)')dnl
define((h), (ifelse(($1), (a), (A), (B))))dnl
h((a)) h((b))
changequote`'dnl
h(`a')
