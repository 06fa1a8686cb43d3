[defn(`nope')]
