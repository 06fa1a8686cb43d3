include(`found.m4')include(`deep.m4')
