define(`a', `alpha')define(`b', `$1 and `quoted'')dnl
dumpdef(`a', `b')done
