eval(7, 10, 5)
divert(2)diverted text is dropped
divert(0)eval(7, 10, 300000000)
eval(8)
