define(`kept', `survives')divert(`2')saved diversion
divert`'kept
