translit(`Hello World', `a-z', `A-Z') translit(`abcxyz', `a-c', `1-3')
