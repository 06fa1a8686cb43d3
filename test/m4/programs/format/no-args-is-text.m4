format [format()]
