define(`a-b', `dash')dnl
define(`', `empty')dnl
a-b indir(`a-b') indir(`')
