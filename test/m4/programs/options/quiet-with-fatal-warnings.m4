len(`a', `b')after
