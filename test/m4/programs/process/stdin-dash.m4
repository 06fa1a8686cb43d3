from stdin errprint(`to stderr
')done
