undivert(`binary.txt')done
