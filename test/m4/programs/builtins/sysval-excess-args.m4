sysval(`x')
