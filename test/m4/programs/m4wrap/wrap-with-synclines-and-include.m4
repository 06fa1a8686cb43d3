m4wrap(`include(`w.m4')')dnl
main
