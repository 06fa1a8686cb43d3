define(`count', `$#')dnl
count count() count(a) count(a,b) count(,) count(`a,b')
