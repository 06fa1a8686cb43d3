define(`inner', `I($1)')define(`outer', `inner(`$1')+inner(x)')dnl
debugmode(`aeq')traceon(`inner', `outer')outer(y)
