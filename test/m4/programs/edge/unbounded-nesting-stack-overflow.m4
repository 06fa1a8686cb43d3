define(`r', `len(r(x))')dnl
before
r(x)
after
