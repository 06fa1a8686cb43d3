divert(`1')one
divert(`-1')undivert(`1')
divert`'after
