[traceon(`x')][traceoff(`x')]
