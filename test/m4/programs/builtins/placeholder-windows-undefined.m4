ifdef(`__windows__', `win', `not windows') ifdef(`windows', `w', `nw') ifdef(`__os2__', `os2', `no os2')
