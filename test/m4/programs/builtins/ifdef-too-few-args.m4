[ifdef(`x')] [ifdef]
