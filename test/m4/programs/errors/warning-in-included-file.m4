include(`warns.m4')back __line__
