ifdef(defn(`len'), `yes', `no')
