translit(`abcdefgh', `a-h', `1-3')
