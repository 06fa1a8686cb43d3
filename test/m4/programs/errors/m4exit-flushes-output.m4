divert(`0')line one
m4exit(`9')line two
