eval [eval()]
