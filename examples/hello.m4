divert(-1)
# A small m4 program: a counting loop, a quoted list and a translit.
define(`forloop', `pushdef(`$1', `$2')_forloop($@)popdef(`$1')')
define(`_forloop', `$4`'ifelse($1, `$3', `', `define(`$1', incr($1))$0($@)')')
define(`upcase', `translit(`$1', `a-z', `A-Z')')
divert`'dnl
forloop(`i', 1, 5, `line i: upcase(`hello')
')dnl
__program__ expanded __file__ up to line __line__.
