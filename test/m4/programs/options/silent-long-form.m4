define(`x', `y', `z')substr(`abc', `q')
