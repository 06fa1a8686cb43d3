changequote([,])dnl
define([x], [[quoted] text])dnl
x [x] `x'
changequote`'dnl
`x'
