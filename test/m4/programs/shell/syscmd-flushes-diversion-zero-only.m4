divert(`1')diverted
divert`'text before
syscmd(`echo shell')text after
