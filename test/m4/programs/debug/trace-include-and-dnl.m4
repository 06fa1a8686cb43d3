traceon(`include', `dnl')debugmode(`aeqi')include(`inc.m4')dnl
done
