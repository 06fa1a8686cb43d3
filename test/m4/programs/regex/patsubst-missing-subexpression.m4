[patsubst(`abc', `b', `\3')]
