from stdin __file__
