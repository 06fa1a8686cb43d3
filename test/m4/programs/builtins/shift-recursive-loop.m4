define(`each', `ifelse(`$#', `0', `', `$#', `1', `<$1>', `<$1>each(shift($@))')')dnl
each(`a', `b c', `d,e')
