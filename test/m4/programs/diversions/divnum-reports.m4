divnum divert(`4')divnum divert(`-1')divnum divert(`0')divnum
undivert
