[format(`%z %d', 1)] [format(`%')] [format(`abc%')]
