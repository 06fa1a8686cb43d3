debugmode(`e')traceon(`len')len(`hello')
