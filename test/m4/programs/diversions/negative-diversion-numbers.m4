divert(`-5')gone
divert(`-1')also gone
divert`'undivert(`-5')here
