define(`echo', `$@')dnl
echo(`one', ``two'', ```three''')
echo(`a(b', c)
