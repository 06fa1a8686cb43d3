dnl The body was written under one pair of quotes and runs under another.
define(`f', `ifelse(`$1', `a', `A', `B')')dnl
f(`a') f(`b')
changequote([, ])dnl
f([a]) f([b]) f(`a')
define([g], [ifelse([$1], [a], [A], [B])])dnl
g([a]) g([b]) g(`a')
changequote(<<, >>)dnl
g(<<a>>) f(<<a>>)
changequote`'dnl
g(`a') f(`a')
