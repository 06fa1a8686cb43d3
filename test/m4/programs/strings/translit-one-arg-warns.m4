[translit(`abc')]
