eval(`1 +')include(`nope')still here
