define(`e', `E')m4exit(`3')
