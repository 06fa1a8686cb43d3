m4wrap(`__line__ errprint(`in wrap
')')dnl
line 3 __line__
