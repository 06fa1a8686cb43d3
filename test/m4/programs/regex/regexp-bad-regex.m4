[regexp(`abc', `\(')] [regexp(`abc', `a\{2')] [regexp(`abc', `[a')]
