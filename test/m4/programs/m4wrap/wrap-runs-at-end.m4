m4wrap(`wrapped text
')dnl
main text
