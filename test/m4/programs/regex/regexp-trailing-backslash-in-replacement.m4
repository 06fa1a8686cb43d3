[regexp(`abc', `b', `x\')]
