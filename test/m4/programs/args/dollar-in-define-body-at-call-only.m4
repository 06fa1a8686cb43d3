define(`outer', `define(`inner', `[$1]')')dnl
outer(X)inner(Y)
