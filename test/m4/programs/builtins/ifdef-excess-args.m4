ifdef(`ifdef', `a', `b', `c')
