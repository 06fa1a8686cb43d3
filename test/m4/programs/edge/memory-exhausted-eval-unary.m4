Text before the failure stays.
m4wrap(`wrapped text is dropped
')dnl
divert(1)diverted text is dropped
divert(0)dnl
eval(-2147483648, 1)
nothing after it is read
