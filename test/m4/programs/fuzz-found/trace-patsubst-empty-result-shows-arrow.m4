debugmode(`aeq')traceon(`patsubst', `regexp', `substr', `e')define(`e', `')dnl
patsubst(`', `x') patsubst(`aaa', `a') regexp(`a', `b', `') substr(`a', 1) e
