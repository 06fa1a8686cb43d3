changequote([, ])define([f], [[q] $1])debugmode([aeq])traceon([f])f([x])
