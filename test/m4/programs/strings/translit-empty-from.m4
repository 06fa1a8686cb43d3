translit(`abc', `', `xyz')
