debugmode(`a')traceon(`len')len(`hello')
