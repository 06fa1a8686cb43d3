changequote([, ])dnl
patsubst([aXa
aXa], [\`a], [S]) patsubst([aXa
aXa], [a\'], [E])
