define(`bad', `eval(`1+')')dnl
line two
bad
