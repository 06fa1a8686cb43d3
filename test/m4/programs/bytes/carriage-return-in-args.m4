define(`show', `[$1]')show( a)
