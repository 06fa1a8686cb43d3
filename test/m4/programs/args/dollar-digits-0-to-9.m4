define(`all', ``$0':$1$2$3$4$5$6$7$8$9')dnl
all(a, b, c, d, e, f, g, h, i, j, k)
all(x)
