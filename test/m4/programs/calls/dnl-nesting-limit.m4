dnl The nesting limit counts every dnl.
define(`f', `g(`x')')dnl
define(`g', `[$1] dnl comment
done')dnl
f
len(f)
len(len(dnl
f))
