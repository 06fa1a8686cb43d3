dnl More than a few 4096-byte blocks of output, with messages on standard error between them:
dnl whole blocks must reach the file before each message, the unfinished block after it.
define(`L', `row $1 of output, padded to a good length so that blocks fill up quickly
')dnl
define(`LOOP', `ifelse(`$1', `0', `', `L(`$1')LOOP(decr(`$1'))')')dnl
LOOP(`150')errprint(`first message
')LOOP(`40')len(`a', `b')
LOOP(`300')define(`t', `T')traceon(`t')t t
LOOP(`1200')errprint(`last message
')tail
