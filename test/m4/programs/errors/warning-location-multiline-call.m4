len(`a',
`b')
define(`x',
`y', `z')x
