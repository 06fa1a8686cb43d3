before
len(`a', `b')
after
