esyscmd(`exit 3')sysval esyscmd(`echo x; exit 2')sysval
