translit(`аек', `к-а', `abcdefghijk')
