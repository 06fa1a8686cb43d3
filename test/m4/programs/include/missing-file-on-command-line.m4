present __file__
