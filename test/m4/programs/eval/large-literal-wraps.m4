eval(`4294967296') eval(`99999999999') eval(`0xffffffff') eval(`0x100000001')
