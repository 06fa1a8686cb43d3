traceon(`len')debugmode(`a')len(a) debugmode(`+e')len(b) debugmode(`-a')len(c)
