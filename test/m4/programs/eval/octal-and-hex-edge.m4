eval(`00') eval(`0x0') eval(`0xFFFFFFFF') eval(`037777777777') eval(`0b') eval(`0r36:')
