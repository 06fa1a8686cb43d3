shift [shift()]
