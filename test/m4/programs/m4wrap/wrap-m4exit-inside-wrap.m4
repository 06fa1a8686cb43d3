m4wrap(`in wrap m4exit(`5')after
')m4wrap(`second wrap
')dnl
