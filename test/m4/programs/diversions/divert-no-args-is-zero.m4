divert(`2')two
divert done undivert(`2')
