regexp(`a*b', `*b', `[\&]') regexp(`x**', `x**', `[\&]')
