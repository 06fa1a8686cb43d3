define(`f', `F')debugmode(`aeq')traceon(`f')f f() f(,)
