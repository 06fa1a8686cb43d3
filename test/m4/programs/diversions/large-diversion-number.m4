divert(`1000')thousand
divert(`7')seven
divert`'end
