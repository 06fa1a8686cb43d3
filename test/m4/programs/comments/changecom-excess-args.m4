changecom(`a', `b', `c')dnl
