debugmode(`aeq')traceon(`len', `substr', `define')len(`abc')substr(`hello', 1, 2)define(`q', defn(`len'))
