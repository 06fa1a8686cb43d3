[eval(`1+')] [eval(`(1')] [eval(`1 2')] [eval(`abc')] [eval(`1+(')]
