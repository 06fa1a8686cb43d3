dnl A conversion whose text would reach INT_MAX-1 bytes: gnulib's vasnprintf gives
dnl up (EOVERFLOW), m4 drops that one directive silently and the rest goes on. A
dnl width of INT_MIN stays negative when negated; glibc fails on it at once.
format(`[%*d|%d]', -2147483648, 1, 2)
dnl Only the length counts: a huge precision on a short string prints it.
format(`[%.*s]', 2147483647, `abc')
