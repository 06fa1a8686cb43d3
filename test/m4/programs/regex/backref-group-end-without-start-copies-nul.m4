dnl gnulib's register walk leaves group 2 here with an end but no start (in
dnl UTF-8, as here, and in the C locale). A replacement then copies from the byte
dnl before the text: the NUL ending the word before it in m4's argument storage.
dnl The expansion is read as a C string, so it stops there, patsubst's too.
changequote([,])dnl
patsubst([aé
aéb], [\(\<\`\)*\(a\)\(\1\)], [<\&|\1|\2>])
regexp([aé
aéb], [\(\<\`\)*\(a\)\(\1\)], [<\2>])
len(regexp([aé
aéb], [\(\<\`\)*\(a\)\(\1\)], [\2]))
patsubst([aé
aéb], [\(\<\`\)*\(a\)\(\1\)], [<\1>])
