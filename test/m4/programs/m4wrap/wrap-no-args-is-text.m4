m4wrap [m4wrap()]
