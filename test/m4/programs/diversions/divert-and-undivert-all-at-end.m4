divert(`1')first diverted
divert(`2')second diverted
divert`'main text
