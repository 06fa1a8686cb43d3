divert(`1')text one
undivert(`1')still one
divert`'---
