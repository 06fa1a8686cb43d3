define(`later', `L')later later
