format(`[%.*s]', -1, `abcdef')
