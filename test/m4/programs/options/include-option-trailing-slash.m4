include(`found.m4')include(`./inc.m4')
