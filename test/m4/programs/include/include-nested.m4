include(`nest1.m4')top __line__
