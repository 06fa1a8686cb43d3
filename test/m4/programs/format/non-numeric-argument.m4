[format(`%d', `abc')] [format(`%d', `12abc')] [format(`%d', ` 7')] [format(`%d', `')]
