[indir(`nothere', 1)]
