changequote(`', `')changecom`'dnl
