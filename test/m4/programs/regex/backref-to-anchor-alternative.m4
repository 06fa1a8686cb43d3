dnl A back-reference to a group whose alternatives are an anchor and a
dnl character. For what \2 may repeat, gnulib checks only the first node of the
dnl state that closes group 2: after `a' that is the character's close, which
dnl cannot close an empty group, so the `$' alternative is never tried there.
dnl GNU finds no match from 0 or 1 and reports the empty match at 2.
regexp(`ba', `\(a\|b\)*\($\|a\)\2')
regexp(`ba', `\(a\|b\)*\($\|a\)\2', `[\&|\1|\2]')
