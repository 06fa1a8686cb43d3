define(`123', `digits')define(`$x', `dollar')indir(`123') indir(`$x') 123
