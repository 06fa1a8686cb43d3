`plain text' and ``doubled'' quotes
define(`greet', `hello')dnl
`greet' greet ``greet''
