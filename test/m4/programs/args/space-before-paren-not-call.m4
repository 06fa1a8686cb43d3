define(`f', `F[$#]')dnl
f (a) f(a)
