[mkstemp(`no/such/dir/fileXXXXXX')]
