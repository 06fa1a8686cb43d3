len(abc) [define] ifdef(`__unix__', `unix', `no unix')
