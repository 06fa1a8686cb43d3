include(`sub/deep.m4')__file__ __line__
