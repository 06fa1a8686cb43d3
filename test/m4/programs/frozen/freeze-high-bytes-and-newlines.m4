define(`h', `éÿ
two lines')define(`à', `x')dnl
