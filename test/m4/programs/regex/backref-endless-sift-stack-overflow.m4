dnl Two back-references to empty groups: gnulib's check of where a limited
dnl group opens and closes follows one reference to the other and back without
dnl end, until GNU m4's stack overflows. It dies at once with "stack overflow",
dnl exit 1, and the output still buffered is lost.
before
regexp(`', `\(\)\(\)\(\1\2\)+')
after
