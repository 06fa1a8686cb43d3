[patsubst(`abc')]
