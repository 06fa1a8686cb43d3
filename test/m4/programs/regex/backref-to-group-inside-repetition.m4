dnl A back-reference to a group inside a repetition: x+ is x then x*, two
dnl copies of the group. gnulib checks only the first node of a state that
dnl closes the group, the first copy's, which the second copy cannot reach; so
dnl it misses the group matching empty after a `b', and GNU matches less than
dnl it could: the empty string in `b', `abb' rather than `abbb'.
regexp(`b', `\(b*\)+\1', `[\&|\1]')
patsubst(`abbbcd', `\(a\|\)\(b*\)+\2', `<\&|\1|\2>')
