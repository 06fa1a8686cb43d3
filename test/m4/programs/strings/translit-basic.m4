translit(`hello', `lo', `01') translit(`hello', `el')
