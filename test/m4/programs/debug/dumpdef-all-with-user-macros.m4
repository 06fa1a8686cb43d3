define(`zz', `last')define(`aa', `first')dnl
dumpdef
