define(`three', `[$1|$2|$3]')dnl
three three() three(a) three(a,b)
