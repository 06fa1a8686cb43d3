len(format(`%500d', 1))
