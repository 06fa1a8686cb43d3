changequote(`«', `»')dnl
define(«x», «quoted «nested»»)x
