define(`abc', `ABC')changequote(`ab', `cd')dnl
abc abcd xabcdx ab`'cd
