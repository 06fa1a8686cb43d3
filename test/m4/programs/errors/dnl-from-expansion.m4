define(`d', `dnl')dnl
before d after
next
