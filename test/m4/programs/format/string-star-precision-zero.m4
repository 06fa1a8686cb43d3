format(`[%.0s] [%.*s] [%-*s|]', `abc', 0, `xyz', 4, `ab')
