regexp(`cafй ok', `й', `at') regexp(`абв', `[а-б]+', `[\&]') regexp(`xяy', `.я.', `[\&]')
