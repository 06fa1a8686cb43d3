syscmd(`kill -9 $$')sysval esyscmd(`kill -15 $$')sysval
