divert(`1')
in one
divert`'main
