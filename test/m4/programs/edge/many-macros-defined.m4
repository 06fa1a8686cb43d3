define(`defmany', `ifelse(`$1', `0', `', `define(`m$1', `$1')defmany(decr(`$1'))')')dnl
defmany(5000)m1 m2500 m5000 ifdef(`m5001', `yes', `no')
