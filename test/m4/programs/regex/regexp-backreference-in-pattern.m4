regexp(`abcabc', `\(abc\)\1', `twice') regexp(`abab', `\(a\)\(b\)\1\2', `[\2\1]')
