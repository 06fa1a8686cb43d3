dnl $@ inside a quoted argument: each argument comes back quoted once more.
define(`walk', `ifelse(`$#', `1', `[$1]', `walk(shift($@))')')dnl
walk(`a', `b', `c') walk(`a', ``b'', `c') walk(`x', `it's', `y') walk(it's, `z')
define(`count', `ifelse(`$*', `', `none', `some: $*')')dnl
count() count(`a', `b') count(`a,b') count(`(a')
