before
include(`inc.m4')inc_x
after __line__
