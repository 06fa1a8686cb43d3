define(`pair', `a,a')dnl
ifelse(pair, `yes', `no') ifelse(`pair', `pair', `same')
