[eval(`0r2:102')] [eval(`0r37:1')] [eval(`0r1:111')] [eval(`08')] [eval(`0x')]
