define(`x', `X')x undefine(`x')x
