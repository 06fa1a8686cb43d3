divert(`3')dnl
line a
line b
divert`'before
