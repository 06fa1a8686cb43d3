[indir(defn(`len'), `abc')]
