[substr(`hello', `x')] [substr(`hello', 1, `2y')] [substr(`hello', `')]
