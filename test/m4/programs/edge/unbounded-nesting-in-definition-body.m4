define(`grow', `grow(`$1'x)')dnl
define(`self', `[self(self)]')dnl
text self
