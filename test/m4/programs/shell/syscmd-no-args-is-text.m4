syscmd esyscmd [syscmd()] [esyscmd()] sysval
