len(`a', `b') ifdef(`x') dnl(x)
[eval(`1/0')]
