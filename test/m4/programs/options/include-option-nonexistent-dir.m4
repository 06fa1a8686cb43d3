sinclude(`x.m4')ok
