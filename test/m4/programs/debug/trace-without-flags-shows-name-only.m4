define(`f', `$1-$2')dnl
traceon(`f')f(`quoted', unquoted)
