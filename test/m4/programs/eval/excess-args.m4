eval(`1', `10', `2', `extra')
