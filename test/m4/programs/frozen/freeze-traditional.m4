define(`t', `T')
