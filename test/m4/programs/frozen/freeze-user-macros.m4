define(`a', `alpha')pushdef(`a', `beta')define(`b', `$1 and $2')dnl
