define(`len', `shadow')dnl
len(abc) builtin(`len', `abc')
