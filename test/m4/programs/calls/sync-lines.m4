dnl -s sync lines with bodies that open with calls.
define(`f', `ifelse(`$1', `a', `A
two
', `B')')dnl
f(`a')f(`b')
define(`g', `f(`$1')
more')dnl
g(`a')
end
