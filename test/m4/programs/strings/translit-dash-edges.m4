translit(`a-b-c', `-', `+') translit(`a-b', `a-', `AD') translit(`abc-', `c-', `CD')
