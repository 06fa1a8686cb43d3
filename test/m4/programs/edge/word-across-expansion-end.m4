dnl A word that ends an expansion goes on into the text below it: the name is
dnl read across the boundary, whether the expansion came from a user macro or a
dnl builtin, at top level or inside an argument list.
define(`h', `def')dnl
h()ine(`q', `r')q
translit(`xde', `x')fine(`q2', `s')q2
define(`show', `[$1]')dnl
show(h()ine(`q3', `t')q3)
define(`tail', `plain')dnl
tail()text tail() text tail()`'text
patsubst(`item-1', `-1', `end')less and patsubst(`item-1', `-1', `end') more
show(tail()words, tail() words)
define(`wrap', `defn(`h')')dnl
tail()wrap
