m4wrap(`len(abc')dnl
body
