incr decr [incr()]
