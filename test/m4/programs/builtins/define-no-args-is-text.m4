define define() [define]
