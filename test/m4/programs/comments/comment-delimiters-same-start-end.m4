define(`x', `X')changecom(`##', `##')dnl
x ## x ## x ##
x ##
