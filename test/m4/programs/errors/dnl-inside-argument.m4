define(`show', `[$1]')dnl
show(a dnl comment,
b)
