dnl A macro name that ends an expansion takes its argument list from the file
dnl after it. The call belongs to the line where the name was read: the line
dnl the expansion kept (where its own call started), not the line of the '('.
define(`divide', `eval')dnl
define(`here', `[__line__]')define(`named', `here')dnl
divide(
)(1/0)
named(
)(
)
