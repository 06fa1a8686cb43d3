define(`a', mkstemp(`dupXXXXXX'))define(`b', mkstemp(`dupXXXXXX'))dnl
ifelse(a, b, `same', `different')
syscmd(`rm -f 'a b)dnl
