format(`[%*d]', -6, 42)
