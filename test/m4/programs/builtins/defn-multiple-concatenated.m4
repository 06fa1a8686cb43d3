define(`a', `A')define(`b', `B')dnl
defn(`a', `b', `a')
