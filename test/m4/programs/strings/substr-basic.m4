substr(`hello world', 6) substr(`hello', 1, 3) substr(`hello', 0, 0)[] substr(`hello', 4, 10)
