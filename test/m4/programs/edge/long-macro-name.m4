define(`mk', `ifelse(`$1', `0', `', `abcde`'mk(decr(`$1'))')')dnl
define(mk(200), `long name works')indir(mk(200))
