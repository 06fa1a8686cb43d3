[undivert(`no-such-file.txt')]
