regexp(`aaa', `a\{,2\}', `[\&]') regexp(`aaa', `a\{2,\}', `[\&]') [regexp(`a', `a\{3,1\}', `x')]
