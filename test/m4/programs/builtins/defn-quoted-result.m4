define(`x', `y')define(`y', `Y')dnl
defn(`x') x
