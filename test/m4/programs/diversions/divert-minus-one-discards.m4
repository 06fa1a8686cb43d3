divert(`-1')
this is discarded
define(`x', `kept')
divert`'x
