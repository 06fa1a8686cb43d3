define(`show', `[$1][$2]')dnl
show((a, b), (c (d, e)))
