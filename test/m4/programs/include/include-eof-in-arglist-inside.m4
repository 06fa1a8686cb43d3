define(`start', `S')include(`openarg.m4')after
