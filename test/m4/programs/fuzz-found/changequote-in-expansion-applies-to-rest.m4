define(`t', `changequote(`[',`]')[abc] [x]')dnl
t
[after]
