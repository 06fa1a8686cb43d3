builtin(`define', `b', `B')b
