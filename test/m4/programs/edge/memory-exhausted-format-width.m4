format(`[%5d]', 42)
m4wrap(`wrapped text is dropped
')dnl
format(`[%300000000d]', 42)
never read
