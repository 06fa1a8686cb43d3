define(`mydef', defn(`define'))dnl
mydef(`z', `Z')z
undefine(`define')mydef(`w', `W')w
