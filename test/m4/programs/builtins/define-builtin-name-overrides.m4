define(`len', `mine')dnl
len(abc)
