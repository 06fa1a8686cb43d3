define(`show', `[$1][$2]')dnl
show(   a ,
	b  )
show(
x,	 
 y)
