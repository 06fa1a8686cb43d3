[builtin(`nosuch')] [builtin(`')]
