ifelse(`a', `a', `same', `diff') ifelse(`a', `b', `same', `diff') ifelse(`a', `b', `same')[]
