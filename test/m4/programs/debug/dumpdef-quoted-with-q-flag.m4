debugmode(`q')define(`w', `with `nested' quotes')dumpdef(`w', `len')dnl
