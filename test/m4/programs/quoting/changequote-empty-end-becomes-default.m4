changequote(`[', `')dnl
define([x', [X')dnl
[x'] x
