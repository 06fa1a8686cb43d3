define(`added', `new')dnl
