debugmode(`aefl')traceon(`len')len(`a
b')
len(
`c')
