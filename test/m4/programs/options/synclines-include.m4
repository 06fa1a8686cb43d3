top
include(`inc.m4')back
