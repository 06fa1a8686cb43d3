define(`mine', `M')[builtin(`mine')]
