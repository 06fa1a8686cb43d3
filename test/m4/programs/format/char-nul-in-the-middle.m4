dnl Each conversion is measured with strlen: a NUL from %c ends only that field, and the
dnl format goes on after it (traced, the expansion shows what was kept).
debugmode(`aeq')traceon(`format')format(`a%cb%5cc%-3cd|%s', 0, 0, 0, `x')
format(`[%c]', 256)
