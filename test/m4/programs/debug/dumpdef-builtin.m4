dumpdef(`len', `define')dnl
