ifelse ifelse()
