regexp(`a.b*c', `\.', `dot') regexp(`a+b', `a+b', `no') regexp(`a+b', `a\+b', `[\&]') regexp(`1|2', `1|2', `[\&]')
