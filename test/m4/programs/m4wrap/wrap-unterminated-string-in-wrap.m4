m4wrap(`oops changequote([,])[unclosed')dnl
body
