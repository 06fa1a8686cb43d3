regexp(`xxbaaa', `b\(a*\)*', `ok')
divert(1)diverted text is dropped
divert(0)m4wrap(`wrapped text is dropped
')dnl
regexp(`xxbaaa', `b\(a*\)*', `[\1]')
never read
