dnl Wrapped texts run back to back, the last registered first. A text that
dnl ends with a macro name is followed by one that starts with its argument
dnl list: GNU expands the call at the line of the m4wrap that held the name.
define(`where', `[__line__]')dnl
m4wrap(`(1/0)
')dnl
m4wrap(`eval')dnl
m4wrap(`(x) ')dnl
dnl
m4wrap(`where')dnl
