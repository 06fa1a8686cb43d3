[ifelse(`a', `b', `c', `d', `e', `f')]
[ifelse(`a', `a', `c', `d', `e', `f')]
