traceon(`len')len(abc)
