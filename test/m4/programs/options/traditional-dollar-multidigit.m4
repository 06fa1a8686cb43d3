define(`m', `$10')m(a,b,c,d,e,f,g,h,i,j)
