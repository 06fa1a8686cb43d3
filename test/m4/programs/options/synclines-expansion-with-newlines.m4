define(`two', `line a
line b')dnl
two two
after
