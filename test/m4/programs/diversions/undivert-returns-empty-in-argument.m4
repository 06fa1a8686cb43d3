define(`show', `[$1]')dnl
divert(`1')one
divert`'show(undivert(`1'))
