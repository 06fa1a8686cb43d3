define(`inner', `I')define(`outer', `inner(x)')dnl
traceon(`inner', `outer')outer(y)
