divert(`abc')where
divert(`')empty
divert(` 2')space
divert`'undivert
