define(`fill', `ifelse(`$1', `0', `', `0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxy
fill(decr(`$1'))')')dnl
divert(`1')fill(3000)divert`'dnl
define(`x', `X')x
undivert(`1')dnl
