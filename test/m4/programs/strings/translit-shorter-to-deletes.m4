translit(`abcdef', `abcdef', `AB')
