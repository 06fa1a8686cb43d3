len(esyscmd(`seq 1 50000'))
