divert(`1', `2')x
divert`'undivert
