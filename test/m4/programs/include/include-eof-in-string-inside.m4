include(`openquote.m4')after
