debugfile(`t.log')traceon(`len')len(a)debugfile()len(b)debugfile(`t.log')len(c)
