m4wrap(`a', `b', `c')dnl
x
