format(`é%sÿ', `à')
