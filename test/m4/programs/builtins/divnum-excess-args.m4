divnum(`x')
