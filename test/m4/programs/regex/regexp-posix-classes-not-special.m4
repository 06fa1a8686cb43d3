regexp(`ab12CD', `[[:upper:]]+', `[\&]') regexp(`ab12', `[[:digit:]]+', `[\&]') regexp(`x.y', `[[:punct:]]', `[\&]') [regexp(`a', `[[:nope:]]', `x')]
