include(`nonl.m4')|next
