[regexp(`', `', `\1')] [regexp(`abc', `', `<\1>')]
