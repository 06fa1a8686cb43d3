include(`inc.m4')include(`found.m4')
