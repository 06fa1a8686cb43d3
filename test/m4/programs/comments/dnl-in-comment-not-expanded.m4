# dnl stays
# changecom(`%') stays too
% not a comment
