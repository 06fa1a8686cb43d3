before
include(`absent.m4')after
