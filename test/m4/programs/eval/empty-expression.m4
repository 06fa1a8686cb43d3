[eval(`')] [eval(` ')]
