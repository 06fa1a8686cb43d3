regexp(`abcd', `\(a\|ab\)\(c\|bcd\)', `[\1][\2]') regexp(`xyz', `x*\|xyz', `[\&]')
