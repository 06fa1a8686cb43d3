define(`t', `changequote(`',`')`abc'')dnl
t
