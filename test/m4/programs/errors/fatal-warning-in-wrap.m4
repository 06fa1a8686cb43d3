m4wrap(`len(`a', `b')after wrap
')main
