define(`f', `[$1]')dnl
f# comment
(x)
