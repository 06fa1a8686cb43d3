[ifelse(`a', `b')]
