debugmode(`aet')len(a) debugmode len(b)
