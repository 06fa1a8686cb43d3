dnl Quoted strings longer than a few bytes, with nested quotes early, late and
dnl deep, as top-level text, as arguments and as expansions to rescan.
`a quoted string much longer than sixteen bytes, with `nested' quotes near its end'
`short `n' then a long tail of plain text after the nested quote, `and `deeper `still''' done'
define(`L1', `a definition whose body is a lengthy quoted string: `$1' and ``$2'' and more text')dnl
L1(`first argument, itself longer than sixteen bytes', `second `nested' argument here')
ifelse(`x', `x', ``the chosen branch is long enough to be searched, `with' nested quotes'', `no')
`unbalanced close quotes after a long run of text'' stay as text'
