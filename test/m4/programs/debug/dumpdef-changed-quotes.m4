changequote([, ])define([v], [value])debugmode([q])dumpdef([v])dnl
