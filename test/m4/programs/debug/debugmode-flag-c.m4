debugmode(`c')traceon(`f')define(`f', `F')f(a)
