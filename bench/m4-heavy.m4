divert(-1)
# The heavy workload for bench/m4.js: ITERATIONS passes of a loop body that formats numbers,
# rewrites with patsubst, maps characters with translit, and walks a $@ argument list by
# recursion. The loop itself is tail recursion, as m4 loops are.
ifdef(`ITERATIONS', `', `define(`ITERATIONS', `150000')')
define(`walk', `ifelse(`$#', `1', `[$1]', `walk(shift($@))')')
define(`step',
  `format(`%06d:%-4s|', `$1', `x$2')`'dnl
patsubst(`item-$1-end', `-\([0-9]+\)-', `<\1>')`'dnl
translit(`$1abc', `0-9a-c', `j-sA-C')`'dnl
walk(`$1', `two', `three', `$2')
')
define(`loop', `ifelse(`$1', `0', `', `step(`$1', eval(`$1 % 7'))loop(decr(`$1'))')')
divert(0)dnl
loop(ITERATIONS)dnl
