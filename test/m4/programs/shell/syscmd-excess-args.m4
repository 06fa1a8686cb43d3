syscmd(`true', `x')
