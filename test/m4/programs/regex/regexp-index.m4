regexp(`hello world', `o w') regexp(`hello', `z') regexp(`hello', `') regexp(`abc', `^')
