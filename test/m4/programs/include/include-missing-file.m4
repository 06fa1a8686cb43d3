[include(`missing.m4')] still running
