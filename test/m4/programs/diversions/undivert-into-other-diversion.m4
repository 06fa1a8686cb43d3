divert(`1')in one
divert(`2')in two
undivert(`1')divert`'---
