regexp(`aaaa', `a\{2,3\}', `[\&]') regexp(`ab', `a\{2\}', `no') regexp(`a{2}', `a{2}', `[\&]')
