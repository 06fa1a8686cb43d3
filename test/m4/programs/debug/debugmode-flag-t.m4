debugmode(`t')define(`f', `F')f len(ab)
