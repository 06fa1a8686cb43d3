builtin [builtin()]
