define(`x', `$1 and $2')dnl
[defn(`x')]
define(`y', defn(`x'))y(1, 2)
