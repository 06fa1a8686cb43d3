indir(`len', `hello') indir(`define', `q', `Q')q
