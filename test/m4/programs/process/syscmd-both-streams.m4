before
syscmd(`echo out; echo err >&2; echo out2')after
errprint(`after err
')end
