debugmode(`p')include(`inc.m4')sinclude(`nothere.m4')
