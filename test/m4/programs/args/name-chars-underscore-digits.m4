define(`_a1', `ok1')dnl
define(`a_2b', `ok2')dnl
_a1 a_2b 1_a1 _a1x
