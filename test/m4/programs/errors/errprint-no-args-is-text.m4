errprint [errprint()]
