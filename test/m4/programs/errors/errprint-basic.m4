errprint(`message to stderr
')done
