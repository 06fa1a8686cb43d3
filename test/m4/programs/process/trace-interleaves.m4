define(`f', `F')traceon(`f')dnl
a f b
f
