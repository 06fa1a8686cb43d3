define(`yes', `')dnl
ifdef(`yes', `Y', `N') ifdef(`no', `Y', `N') ifdef(`no', `Y')[]
ifdef(`len', `builtin defined')
