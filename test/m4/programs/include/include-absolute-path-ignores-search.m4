include(`/dev/null')ok
