define(`ab', `AB')dnl
define(`a', `A')dnl
a`'b ab `'ab a`'`'b
