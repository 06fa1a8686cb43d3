define(`a', `foo bar foo')pushdef(`b', `no match')dnl
