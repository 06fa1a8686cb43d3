before the overflow
define(`r', `len(r(x))')r(x)
