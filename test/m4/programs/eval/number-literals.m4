eval(`0x1F') eval(`0X10') eval(`017') eval(`0b101') eval(`0B11') eval(`0r36:zz') eval(`0r2:101') eval(`0')
