divnum
