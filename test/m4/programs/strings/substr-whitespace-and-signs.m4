[substr(`abcdef', ` 2')] [substr(`abcdef', `+1', `2')] [substr(`abcdef', `2 ')]
