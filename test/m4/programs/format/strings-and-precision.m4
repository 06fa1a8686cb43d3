format(`[%s] [%10s] [%-10s] [%.3s] [%10.2s]', `hello', `hi', `hi', `abcdef', `xyz')
