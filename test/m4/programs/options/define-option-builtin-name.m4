len(abc) define
