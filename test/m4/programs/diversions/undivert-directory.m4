[undivert(`.')]
