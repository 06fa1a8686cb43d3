define(`d', `dumpdef($@)')d(`d')
