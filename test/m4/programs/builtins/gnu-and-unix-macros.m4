__gnu__|__unix__|ifdef(`__gnu__', `gnu') ifdef(`__unix__', `unix') ifdef(`unix', `old')
