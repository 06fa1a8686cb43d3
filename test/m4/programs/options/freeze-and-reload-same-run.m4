define(`extra', `E')greet
