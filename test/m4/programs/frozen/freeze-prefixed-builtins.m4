m4_define(`x', `y')
