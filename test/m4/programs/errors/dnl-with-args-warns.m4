dnl(`arg') rest of line
after
