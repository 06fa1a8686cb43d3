[regexp(`abc', `x', `never')]
