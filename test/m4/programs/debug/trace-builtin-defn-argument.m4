traceon(`define')define(`x', defn(`len'))dnl
