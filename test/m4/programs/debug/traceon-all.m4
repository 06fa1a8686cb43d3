define(`f', `F')dnl
traceon f len(abc) traceoff dnl
f
