pushdef(`a', `1')pushdef(`a', `2')pushdef(`b', `3')dnl
popdef(`a', `b')a b
