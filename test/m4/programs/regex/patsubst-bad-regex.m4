[patsubst(`abc', `\)')] [patsubst(`abc', `*a')]
