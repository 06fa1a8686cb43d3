line one
define(`x', `X')x
dnl with cr
end
