traceoff(`nothing')done
