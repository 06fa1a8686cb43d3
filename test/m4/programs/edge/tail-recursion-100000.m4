define(`loop', `ifelse(`$1', `0', `bottom', `loop(decr(`$1'))')')dnl
loop(100000)
