errprint(`a', `b', `c
')
