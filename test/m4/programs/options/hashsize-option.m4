define(`a', `1')a
