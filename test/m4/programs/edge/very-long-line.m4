define(`rep', `ifelse(`$1', `0', `', `abcdefghij`'rep(decr(`$1'))')')dnl
define(`long', rep(2000))dnl
len(long)
long
