m4wrap(`wrapped
text
')main
