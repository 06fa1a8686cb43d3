define(`x', `12345')dnl
len(x) len(`x')
