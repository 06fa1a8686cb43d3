define(`f', `$1')traceon(`f')f(`long argument')
