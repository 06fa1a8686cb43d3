debugfile(`')traceon(`len')len(abc)
