m4exit(`255')
