regexp(`xaaay', `a+', `[\&]') regexp(`xy', `a?y', `[\&]') regexp(`xy', `a*', `[\&]')
