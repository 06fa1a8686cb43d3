dnl Opening and closing quote the same character: the first one after the
dnl opening closes, however long the string is.
changequote(`|', `|')dnl
|a string quoted with bars, longer than sixteen bytes| and |another bar-quoted string, also long|
define(|x|, |a body quoted with bars that goes on for more than sixteen bytes|)x
