line one
syscmd(`read x; echo "got [$x]"')
line three
