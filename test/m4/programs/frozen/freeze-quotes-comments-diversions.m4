changequote([, ])changecom([/*], [*/])divert(3)three
divert(1)one
divert(-1)
