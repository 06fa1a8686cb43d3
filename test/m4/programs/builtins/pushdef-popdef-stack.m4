define(`s', `one')dnl
pushdef(`s', `two')s
pushdef(`s', `three')s
popdef(`s')s
popdef(`s')s
popdef(`s')s
