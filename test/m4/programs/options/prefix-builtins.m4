define(`x', `X')x m4_define(`y', `Y')y m4_len(`abc') __file__ m4___file__ __gnu__ m4___gnu__
