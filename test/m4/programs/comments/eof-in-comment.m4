define(`x', `X')dnl
changecom(`/*', `*/')dnl
x /* never closed
x