first
len(`a', `b')
second
