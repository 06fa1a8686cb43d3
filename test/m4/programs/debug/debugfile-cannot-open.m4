debugfile(`no/such/dir/log')traceon(`len')len(abc)
