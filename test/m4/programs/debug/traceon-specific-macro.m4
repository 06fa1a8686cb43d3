define(`f', `[$1]')dnl
traceon(`f')f(a, b) f traceoff(`f')f(c)
