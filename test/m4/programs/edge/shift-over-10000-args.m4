define(`count', `ifelse(`$#', `1', `last: $1', `count(shift($@))')')dnl
define(`mk', `ifelse(`$1', `0', `end', `,mk(decr(`$1'))')')dnl
count(mk(10000))
