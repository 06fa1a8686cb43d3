€şÿ cafÃ© été
