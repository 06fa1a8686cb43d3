traceon(`len')indir(`len', `ab') builtin(`len', `abc')
