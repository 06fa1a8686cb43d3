pushdef(`len', `mine')pushdef(`len', defn(`index'))define(`x', `y')popdef(`x')dnl
