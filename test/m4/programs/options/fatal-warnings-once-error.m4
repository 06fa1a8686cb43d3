include(`nope')still runs
