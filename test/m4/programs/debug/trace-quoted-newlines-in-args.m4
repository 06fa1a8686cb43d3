define(`f', `<$1>')debugmode(`aeq')traceon(`f')f(`line one
line two', `x')
