dnl A long quoted string that never closes: GNU reports the end of file inside it.
`this quoted string is longer than sixteen bytes, `has a nested one', and never ends
