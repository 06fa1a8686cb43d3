changequote([, ], extra)dnl
[a]
