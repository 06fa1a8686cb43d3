esyscmd(`kill -2 $$')sysval
