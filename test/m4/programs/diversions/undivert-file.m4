undivert(`data.txt')|
define(`data', `D')undivert(`data.txt', `1')
