define(`r', `len(r(x))')r(x)
