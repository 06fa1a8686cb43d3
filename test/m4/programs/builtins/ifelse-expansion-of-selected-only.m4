define(`boom', `BOOM')dnl
ifelse(`x', `x', ``picked'', `boom')
