dnl What follows the opening call is rescanned after the call's own expansion.
define(`f', `len(`$1') and more $1 ifelse(`$1', `abc', `match')')dnl
f(`abc') f(`xyz')
define(`g', `dnl(`gone')kept')dnl
g text after
define(`h', `define(`k', `$1')k k')dnl
h(`K1') h(`K2')
define(`open', `ifelse(`1', `1', `incr')(`41')')dnl
open
define(`word', `ifelse(`1', `1', `le')n(`abc')')dnl
word
