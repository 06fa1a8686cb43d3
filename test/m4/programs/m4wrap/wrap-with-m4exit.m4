m4wrap(`wrap runs
')dnl
m4exit(`3')
