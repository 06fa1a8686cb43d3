divert(`2')two
divert(`1')one
undivert(`0')divert`'zero
