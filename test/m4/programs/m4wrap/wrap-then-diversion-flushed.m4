divert(`1')diverted
divert`'m4wrap(`wrapped
')dnl
main
