define(`x', `X')dnl
`# quoted x' x
