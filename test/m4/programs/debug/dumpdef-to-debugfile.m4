debugfile(`dump.out')define(`q', `Q')dumpdef(`q')dnl
