eval(`1&&0') eval(`1||0') eval(`!0') eval(`!5') eval(`0||0') eval(`2&&3')
