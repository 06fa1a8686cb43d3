define(`f', `F')f
