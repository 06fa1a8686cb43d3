dnl Output past a few whole blocks, then a stack overflow: GNU has written the whole blocks
dnl and loses only the unfinished one.
define(`L', `some output, long enough to fill a few blocks of standard output
')dnl
define(`LOOP', `ifelse(`$1', `0', `', `L`'LOOP(decr(`$1'))')')dnl
LOOP(`130')define(`r', `len(r(x))')r(x)
