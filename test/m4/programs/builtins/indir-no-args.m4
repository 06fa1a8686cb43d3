[indir] [indir()]
