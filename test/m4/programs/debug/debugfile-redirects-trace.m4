debugfile(`trace.log')traceon(`len')len(abc) debugfile`'len(de)
