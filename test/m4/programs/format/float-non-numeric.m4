[format(`%f', `pi')] [format(`%e', `1.5x')] [format(`%g', `inf')] [format(`%f', `nan')]
