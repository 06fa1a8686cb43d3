debugmode(`V')define(`f', `$1')f(`arg')
