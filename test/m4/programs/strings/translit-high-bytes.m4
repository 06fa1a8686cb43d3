translit(`été', `é', `E') translit(`abc', `a-c', `ı-ÿ')
