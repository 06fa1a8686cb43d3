dnl Calls a body opens with count towards -L as the rescanned calls do.
define(`a', `b(`1')')dnl
define(`b', `c(`2')')dnl
define(`c', `d(`3')')dnl
define(`d', `done $1')dnl
a
len(a)
len(len(a))
