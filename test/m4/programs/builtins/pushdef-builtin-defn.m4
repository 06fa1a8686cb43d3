pushdef(`len', `shadow')len(x)
popdef(`len')len(xyz)
