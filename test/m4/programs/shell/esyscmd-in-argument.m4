define(`show', `<$1>')dnl
show(esyscmd(`printf "a,b"'))
