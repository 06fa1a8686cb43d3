define(`x', `y', `z')x
