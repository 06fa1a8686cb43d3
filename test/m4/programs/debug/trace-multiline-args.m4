traceon(`f')define(`f', `$2')f(`a
b', `c
d')
