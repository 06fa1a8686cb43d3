divert(`99999999999')x
divert`'undivert`'done
