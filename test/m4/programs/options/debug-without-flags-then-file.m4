define(`f', `$1')traceon(`f')f(`x')
