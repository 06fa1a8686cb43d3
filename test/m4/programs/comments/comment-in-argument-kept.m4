define(`show', `<$1>')dnl
show(a # comment, with comma )
and more)
