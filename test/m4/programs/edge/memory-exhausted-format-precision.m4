format(`%.3f|%-6s|', 1, `ab')
format(`%.300000000f', 1)
never read
