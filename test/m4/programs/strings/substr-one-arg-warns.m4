[substr(`abc')]
