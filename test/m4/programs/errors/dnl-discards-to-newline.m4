text dnl this is gone
next line dnl
dnl whole line
end
