len(`ιθÿ€') len(`cafΓ©')
