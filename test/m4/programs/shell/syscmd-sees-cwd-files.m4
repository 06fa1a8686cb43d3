syscmd(`echo made > made.txt')syscmd(`cat made.txt')include(`made.txt')
