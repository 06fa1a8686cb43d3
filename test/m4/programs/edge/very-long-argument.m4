define(`rep', `ifelse(`$1', `0', `', `$2`'rep(decr(`$1'), `$2')')')dnl
define(`big', rep(500, `0123456789012345678901234567890123456789'))dnl
len(big) len(translit(big, `0-9', `a-j')) substr(big, 19990)
