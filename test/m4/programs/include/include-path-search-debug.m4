include(`found.m4')
