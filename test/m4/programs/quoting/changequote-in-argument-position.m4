define(`q', `changequote(`$1', `$2')')dnl
q([, ])dnl
[done] `not'
