dumpdef(`nosuch')dnl
