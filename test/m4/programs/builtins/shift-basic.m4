define(`show', `[$@]')dnl
show(shift(`a', `b', `c')) show(shift(`a')) show(shift(shift(`a', `b', `c')))
