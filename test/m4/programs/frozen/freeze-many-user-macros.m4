define(`mk', `ifelse(`$1', `0', `', `define(`sym$1', `value $1')mk(decr(`$1'))')')mk(60)dnl
