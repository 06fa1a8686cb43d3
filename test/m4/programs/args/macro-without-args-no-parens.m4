define(`f', `F[$1]')dnl
f f() f(x)ff
