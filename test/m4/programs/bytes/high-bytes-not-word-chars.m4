define(`ab', `AB')dnl
abéab éab abÿ
