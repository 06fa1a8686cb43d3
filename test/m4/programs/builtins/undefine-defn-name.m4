undefine(defn(`len'))len(abc)
