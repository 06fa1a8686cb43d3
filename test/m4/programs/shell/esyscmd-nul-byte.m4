len(esyscmd(`printf "a\000b"'))
