main text
include(`exits.m4')not reached
