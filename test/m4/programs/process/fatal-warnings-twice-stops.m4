line one
errprint(`message
')len(`a', `b')
never
