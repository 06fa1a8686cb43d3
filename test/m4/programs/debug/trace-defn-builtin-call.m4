define(`l', defn(`len'))debugmode(`aeq')traceon(`l')l(`abcd')
