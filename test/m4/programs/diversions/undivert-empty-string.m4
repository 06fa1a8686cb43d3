divert(`1')one
divert`'[undivert(`')]
