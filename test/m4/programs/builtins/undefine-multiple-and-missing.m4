define(`a', `A')define(`b', `B')dnl
undefine(`a', `b', `never')a b
