debugmode(`i')include(`inc.m4')done
