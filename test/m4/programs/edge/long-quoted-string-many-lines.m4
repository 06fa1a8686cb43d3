define(`lines', `ifelse(`$1', `0', `', `line $1
lines(decr(`$1'))')')dnl
len(lines(3000))
