before
syscmd(`echo from shell')after
