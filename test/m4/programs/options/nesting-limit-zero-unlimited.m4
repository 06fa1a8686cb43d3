define(`deep', `[$1]')dnl
deep(deep(deep(deep(deep(deep(x))))))
