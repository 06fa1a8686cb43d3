translit(`~€', `~-', `a-d')
