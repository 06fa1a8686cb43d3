m4wrap(`len(`wrapped')')debugmode(`aeql')traceon(`len')len(`main')
