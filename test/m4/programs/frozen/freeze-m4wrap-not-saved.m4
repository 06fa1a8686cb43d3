m4wrap(`wrapped
')define(`w', `x')dnl
