divert(`1')diverted
divert`'before
include(`nope')after
