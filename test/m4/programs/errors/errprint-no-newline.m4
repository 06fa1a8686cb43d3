errprint(`no newline')errprint(`, continues')
