define(`loop', `ifelse(`$1', `0', `', `esyscmd(`printf $1,')loop(decr(`$1'))')')dnl
loop(50)
