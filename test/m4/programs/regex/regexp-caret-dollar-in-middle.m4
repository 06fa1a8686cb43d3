regexp(`a^b', `a^b', `[\&]') regexp(`a$b', `a$b', `[\&]')
