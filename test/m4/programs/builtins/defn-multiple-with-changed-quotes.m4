define(`a', `A')define(`b', `B')changequote(`<', `>')dnl
<defn(a, b)> defn(<a>, <b>) defn(`a')
