define(`outer', ``inner' text')dnl
outer
define(`twice', ```deep''')dnl
twice
