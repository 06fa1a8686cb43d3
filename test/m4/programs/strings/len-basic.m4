len(`abc') len(`') len() len(`a,b') len(`  x  ')
