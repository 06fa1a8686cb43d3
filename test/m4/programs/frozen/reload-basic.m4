greet length(<abc>) `not quotes' // comment greet
greet
divnum
