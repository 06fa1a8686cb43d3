define(`a', `$10 ${1} $1')define(`b', `plain $1')dnl
