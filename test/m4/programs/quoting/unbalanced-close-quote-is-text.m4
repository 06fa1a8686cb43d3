it's a stray close quote' here
define(`x', `y')x' x
