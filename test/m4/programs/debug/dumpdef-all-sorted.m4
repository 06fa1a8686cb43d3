m4_define(`m4_zz', `z')m4_dumpdef
