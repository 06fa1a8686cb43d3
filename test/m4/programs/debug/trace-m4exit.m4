traceon(`m4exit')m4exit(`3')
