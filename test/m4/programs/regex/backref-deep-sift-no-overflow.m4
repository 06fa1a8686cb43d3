dnl gnulib sifts a back-reference's candidates one inside the other: here one
dnl level per byte of a 4096-byte text. GNU's C stack holds that (it gives up
dnl near 19,400 levels); ours must not run out of JavaScript stack first.
define(`text', `a')dnl
define(`double', `define(`text', text`'text)')dnl
double()double()double()double()double()double()double()double()double()double()double()double()dnl
len(text)
regexp(text, `\(a\)\1*', `[\1]')
regexp(text, `\(a\)\1*')
