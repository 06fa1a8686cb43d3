ifelse(`', `', `empty equal') ifelse(` ', `', `x', `space differs')
