include(`missing')m4exit(`0')
