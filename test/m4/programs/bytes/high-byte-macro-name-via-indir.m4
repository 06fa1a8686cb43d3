define(`été', `summer')indir(`été') été
