[eval(`1 += 2')] [eval(`2 ? 3 : 4')] [eval(`a=1')]
