define(`show', `[$1]')dnl
show(`a' include(`nonl.m4') `b')
