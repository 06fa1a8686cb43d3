unused
