patsubst(`  spaces  around  ', ` +') patsubst(`abc', `b')
