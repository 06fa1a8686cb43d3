define(`x', `X')dnl
define(`show', `[$1]')dnl
show(x) show(`x') show(``x'')
