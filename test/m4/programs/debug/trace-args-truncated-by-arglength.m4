define(`f', `$1')traceon(`f')f(`a very long argument string here', `second')
