debugfile(`a.log')traceon(`len')len(a)debugfile(`b.log')len(b)debugfile(`a.log')len(c)
