define(`s', `<$*>')dnl
define(`a', `<$@>')dnl
s a s() a() s(,) a(,)
