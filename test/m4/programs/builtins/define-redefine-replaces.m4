define(`x', `one')x
define(`x', `two')x
