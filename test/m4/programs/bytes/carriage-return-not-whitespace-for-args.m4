define(`show', `[$1]')show( b)
