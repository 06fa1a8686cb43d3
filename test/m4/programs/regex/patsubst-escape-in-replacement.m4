patsubst(`a.b', `\.', `\\') patsubst(`ab', `a', `\n') patsubst(`ab', `a', `&')
