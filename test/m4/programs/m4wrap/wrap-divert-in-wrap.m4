m4wrap(`divert(`1')late diverted
divert`'late main
')dnl
divert(`1')early diverted
divert`'main
