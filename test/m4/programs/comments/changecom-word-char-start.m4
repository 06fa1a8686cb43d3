define(`x', `X')dnl
define(`cx', `CX')dnl
changecom(`c', `.')dnl
x cx c x. x
