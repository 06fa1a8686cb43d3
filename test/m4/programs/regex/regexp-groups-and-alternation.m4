regexp(`foobar', `\(foo\|baz\)\(bar\)', `[\2-\1]') regexp(`bazbar', `\(foo\|baz\)bar', `\1')
