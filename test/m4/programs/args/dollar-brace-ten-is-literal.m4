define(`ten', `${10} ${1} ${}')dnl
ten(a, b, c, d, e, f, g, h, i, j, k)
