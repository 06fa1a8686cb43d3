define(`alpha', `1')define(`beta', `2')pushdef(`alpha', `3')define(`gamma', defn(`len'))undefine(`eval')dnl
