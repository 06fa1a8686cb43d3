define(`pick', `ifelse(`$1', `1', `one', `$1', `2', `two', `$1', `3', `three', `other')')dnl
pick(1) pick(2) pick(3) pick(4)
