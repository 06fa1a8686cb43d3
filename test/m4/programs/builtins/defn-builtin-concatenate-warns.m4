define(`x', defn(`len', `len'))dnl
[x(abc)]
define(`y', defn(`len', `y'))dnl
