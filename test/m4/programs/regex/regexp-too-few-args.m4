[regexp(`abc')]
