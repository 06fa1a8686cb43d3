debugmode(`fl')traceon(`len')
len(`x')
