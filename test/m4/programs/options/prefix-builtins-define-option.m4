N m4_N
