debugmode(`aeq')traceon(`f')define(`f', `[$1]')f(`x y')
