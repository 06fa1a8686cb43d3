x popdef(`x')x popdef(`x')x
