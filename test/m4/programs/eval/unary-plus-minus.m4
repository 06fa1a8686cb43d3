eval(`+5') eval(`- -5') eval(`-(3)') eval(`--1') eval(`!-1') eval(`~~7')
