m4_ifdef(`m4_changeword', `yes', `no') m4_ifdef(`m4___gnu__', `g', `ng') m4___program__
