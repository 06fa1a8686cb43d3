len(esyscmd(`printf "\351\377"'))
