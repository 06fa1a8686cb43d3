changequote([, ])dnl
[a] `b'
changequote
[a] `b'
changequote()
