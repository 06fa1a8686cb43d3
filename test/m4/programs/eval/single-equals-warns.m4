eval(`2=2') eval(`1=2')
