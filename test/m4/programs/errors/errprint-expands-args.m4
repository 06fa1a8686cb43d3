define(`x', `X')errprint(x `x'
)
