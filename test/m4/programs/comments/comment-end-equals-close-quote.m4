define(`x', `X')changecom(`%', `'')dnl
x % x ' x `q % q' x
