dnl Arguments collected under one pair of quotes, the call made under another: text that
dnl was plain when collected holds quote characters when the body is rescanned.
changequote([, ])dnl
define([f], [ifelse([$1], [x], [X], [other: $1])])dnl
define([g], [ifelse([$#], [2], [two: $1], [not two])])dnl
changequote`'dnl
f(`x]', changequote([,]))
changequote`'dnl
g(`[a]', changequote([,]))
changequote`'dnl
f(`x', changequote([,])) g([it]s, [b])
changequote`'dnl
f(# a comment
`x') f(`x'#
)
f(`[x', changequote([,]))
