define(`x', `X')dnl
define(`star', `[$*]')dnl
star(`x', `y,z', x)
