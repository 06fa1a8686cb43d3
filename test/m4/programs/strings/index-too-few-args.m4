[index(`abc')]
