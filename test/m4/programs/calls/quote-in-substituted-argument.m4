dnl A body opening with a call of quoted strings: an argument holding a quote character
dnl changes where the rescanned strings end, so the call must come out as GNU's does.
define(`w', `ifelse(`$1', `x', `yes', `no: $1')')dnl
w(`x') w(`y') w(it's) w(``b'') w(`a`b'c')
define(`v', `ifelse(`$1', `$2', `same', `differ')')dnl
v(`it', `it') v(it's, it's) v(``q'', `q')
