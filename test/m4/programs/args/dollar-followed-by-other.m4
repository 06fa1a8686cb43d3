define(`m', `$ $$ $a $- $% end$')dnl
m(1)
