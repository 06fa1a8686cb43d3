divert(`1')once
divert`'undivert(`1')undivert(`1')---
