# a comment
`a quoted
string'
define(`m', `multi
line')m
end
