include(`nonl.m4', `extra')
