eval(`0r16:FF') eval(`0r36:Z') eval(`0xAbC')
