define(`f', `F<$1>')dnl
indir(`f', `arg') indir(`f')
define(`weird name', `W$1')indir(`weird name', 9)
