dnl Sync lines around dnl, at top level and inside arguments.
define(`f', `a dnl
b')dnl
f
len(`x', dnl
`y')
end dnl
