patsubst(`abc', `', `-') patsubst(`abc', `x*', `-') patsubst(`abc', `\b', `|')
