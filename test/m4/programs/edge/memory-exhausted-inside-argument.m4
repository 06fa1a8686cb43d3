define(`show', `[$1]')dnl
show(`before')
show(format(`%-300000000s', `x'))
never read
