define(`countdown', `ifelse(`$1', `0', `liftoff', `$1 countdown(decr($1))')')dnl
countdown(5)
