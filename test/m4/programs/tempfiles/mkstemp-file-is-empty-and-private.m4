define(`name', mkstemp(`tXXXXXX'))dnl
syscmd(`stat -c "%s %a" 'name)dnl
syscmd(`rm -f 'name)dnl
