define(`x', `X')x
x