output before
errprint(`message
')m4exit(`17')
