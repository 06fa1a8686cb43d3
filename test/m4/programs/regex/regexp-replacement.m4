regexp(`GNUs not Unix', `\w\(\w+\)$', `*** \& *** \1 ***')
