divert(`1')diverted text
divert`'main text
errprint(`stderr during main
')
