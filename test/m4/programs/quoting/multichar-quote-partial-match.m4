changequote(`<<<', `>>')dnl
<<x>> <<<y>> <<<<z>>>> <<<a<<<b>>c>>
