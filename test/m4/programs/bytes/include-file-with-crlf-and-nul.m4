include(`crlf.m4')done
