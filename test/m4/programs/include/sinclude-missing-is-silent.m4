[sinclude(`missing.m4')] [sinclude(`inc.m4')]
