traceon(`later')define(`later', `L')later
