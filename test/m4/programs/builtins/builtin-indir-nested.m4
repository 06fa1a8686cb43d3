builtin(`indir', `len', `abc') indir(`builtin', `len', `ab')
