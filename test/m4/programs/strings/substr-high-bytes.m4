substr(`рсту', 1, 2)
