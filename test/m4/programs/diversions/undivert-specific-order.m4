divert(`1')one
divert(`2')two
divert(`3')three
divert`'undivert(`3', `1')---
