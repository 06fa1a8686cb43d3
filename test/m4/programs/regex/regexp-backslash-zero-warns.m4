[regexp(`abc', `b', `<\0>')] [regexp(`abc', `c', `<\0>')]
