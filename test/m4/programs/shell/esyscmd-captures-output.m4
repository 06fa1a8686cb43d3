[esyscmd(`echo captured')]
