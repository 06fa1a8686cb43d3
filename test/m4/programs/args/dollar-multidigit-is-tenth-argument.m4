define(`ten', `$10 $11 $19 $010')dnl
ten(a, b, c, d, e, f, g, h, i, j, k)
