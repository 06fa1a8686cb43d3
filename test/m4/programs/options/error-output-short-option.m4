traceon(`len')len(abc)dumpdef(`len')
