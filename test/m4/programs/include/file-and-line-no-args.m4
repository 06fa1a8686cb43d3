__file__(`x') __line__(1)
