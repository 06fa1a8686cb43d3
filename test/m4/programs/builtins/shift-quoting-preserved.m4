define(`x', `X')dnl
shift(`a', `x', ``y'')
