pushdef(`p', `P')p popdef(`p')p popdef(`p')p
