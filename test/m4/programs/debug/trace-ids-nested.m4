define(`a', `b(1)')define(`b', `c($1)')define(`c', `[$1]')dnl
debugmode(`aex')traceon(`a', `b', `c')a
