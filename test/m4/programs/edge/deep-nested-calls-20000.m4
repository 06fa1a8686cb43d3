define(`wrap', `ifelse(`$1', `0', `x', `len(wrap(decr(`$1')))')')dnl
wrap(20000)
