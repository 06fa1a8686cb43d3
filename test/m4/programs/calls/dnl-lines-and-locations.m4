dnl dnl: lines, locations, renamed and redefined dnl, arguments, tracing.
first dnl the rest of this line goes
__line__ dnl
define(`f', `one dnl two
three')dnl
f __line__
define(`skip', defn(`dnl'))dnl
a skip b
__line__
define(`g', `x dnl no newline in this expansion')dnl
g
after g __line__
dnl(`with', `arguments') gone
pushdef(`dnl', `[user macro]')dnl now a user macro too
dnl now a user macro
popdef(`dnl')dnl
len(`a' dnl inside an argument
, `b')
eval(1 dnl
+ 2)
traceon(`dnl')dnl
traced dnl line
traceoff(`dnl')dnl
last dnl
