changeword(`[a-z]+') ifdef(`changeword', `yes', `no')
