divert(`1')été €
divert(`-1')
