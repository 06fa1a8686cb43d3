define(`self', ``$0'')dnl
define(`alias', defn(`self'))dnl
self alias
