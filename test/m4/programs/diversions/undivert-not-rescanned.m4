define(`x', `X')dnl
divert(`1')x `x'
divert`'undivert(`1')dnl
