divert(`1')one
divert`'undivert(`1x')|undivert(` 1')|
