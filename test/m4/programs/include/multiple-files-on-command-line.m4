define(`from_main', `M')main __file__
