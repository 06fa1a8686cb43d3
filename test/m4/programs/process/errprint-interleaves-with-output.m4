line one
errprint(`error one
')line two
errprint(`error two
')line three
