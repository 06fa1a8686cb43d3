debugmode(`x')traceon(`len', `f')define(`f', `len(a)')f len(b)
