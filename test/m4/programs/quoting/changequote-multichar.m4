changequote(<<, >>)dnl
define(<<hi>>, <<Hello <<nested>> world>>)dnl
hi <<hi>> <hi> <<<hi>>>
