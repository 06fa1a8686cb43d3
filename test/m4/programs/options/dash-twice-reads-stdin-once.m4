stdin text
