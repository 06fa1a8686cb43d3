[format(`%d %s %c')]
