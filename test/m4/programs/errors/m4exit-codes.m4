m4exit(`42')
