[eval(`0r0:1')] [eval(`0r37:1')] [eval(`0r36:10')] [eval(`0R16:ff')]
