[include(`sub')] [sinclude(`sub')]
