define(`f', `x')dnl
f len(a)
