divert(`1')diverted before exit
divert`'main
m4exit(`0')
not reached
