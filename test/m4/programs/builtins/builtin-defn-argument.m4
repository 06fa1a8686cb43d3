builtin(defn(`len'), `abcd')
