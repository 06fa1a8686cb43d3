define(`pre', `Abc')dnl
define(`Abcdef', `JOINED')dnl
pre`'def predef pre()def
