define(`name', `target')dnl
define(name, `via expansion')target
