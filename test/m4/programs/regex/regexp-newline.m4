regexp(`line1
line2', `^line2', `anchored') regexp(`a
b', `a.b', `dot matches newline')
