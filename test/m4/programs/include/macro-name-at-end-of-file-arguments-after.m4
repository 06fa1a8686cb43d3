dnl The included file ends with a macro name (no newline); the argument list
dnl that follows the include belongs to that call. GNU reports and expands the
dnl call at the name's file and line.
include(`name-at-end.m4')(x)
include(`eval-at-end.m4')(1/0)
