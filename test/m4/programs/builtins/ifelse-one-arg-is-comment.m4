ifelse(`anything at all, even commas')[]
