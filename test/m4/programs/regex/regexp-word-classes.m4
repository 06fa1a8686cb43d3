regexp(`  abc_9!', `\w+', `[\&]') regexp(`abc def', `\W', `[\&]')
