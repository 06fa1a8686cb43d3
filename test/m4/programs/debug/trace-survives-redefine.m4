define(`f', `1')traceon(`f')define(`f', `2')f undefine(`f')define(`f', `3')f
