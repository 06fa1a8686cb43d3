len(`a', `b')m4exit(`7')
