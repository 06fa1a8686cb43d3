include(`diverts.m4')main
