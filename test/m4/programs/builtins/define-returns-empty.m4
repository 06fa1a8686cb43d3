[define(`x', `y')]
