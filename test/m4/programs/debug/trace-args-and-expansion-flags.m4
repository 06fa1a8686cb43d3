define(`f', `$1-$2')dnl
debugmode(`ae')traceon(`f')f(`quoted', unquoted)
