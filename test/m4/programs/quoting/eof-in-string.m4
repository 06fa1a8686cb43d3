define(`a', `b')dnl
a `this quote never
ends