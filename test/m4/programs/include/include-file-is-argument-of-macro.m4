define(`show', `[$1]')dnl
show(include(`nonl.m4'))
