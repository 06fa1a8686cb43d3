define(`n', `6')dnl
eval(n*7) eval(`n*7')
