define(`x', `X')dnl
changecom
x # x
