define(`down', `ifelse(`$1', `0', `done', `[down(decr($1))]')')dnl
len(down(5000))
