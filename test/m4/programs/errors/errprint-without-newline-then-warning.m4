errprint(`partial ')len(`a', `b')
