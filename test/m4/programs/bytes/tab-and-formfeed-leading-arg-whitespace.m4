define(`show', `[$1]')show(	x)
