sysval
