debugmode(`V')define(`f', `F')f debugmode(`')f
