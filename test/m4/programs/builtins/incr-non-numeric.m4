[incr(`x')] [decr(`')] [incr(` 3')] [decr(`3 ')]
