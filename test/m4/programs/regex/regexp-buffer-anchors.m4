changequote([, ])dnl
regexp([abc], [\`a], [start]) regexp([abc], [c\'], [end]) regexp([abc], [b\'], [no]) regexp([abc], [\`b], [no])
