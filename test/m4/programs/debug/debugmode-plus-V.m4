debugmode(`+V')define(`f', `x')f
