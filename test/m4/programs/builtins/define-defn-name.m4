define(defn(`len'), `x')dnl
[pushdef(defn(`len'), `x')]
