divert(`1')syscmd(`echo where')diverted
divert`'main
