format(`%ld %hd %lld %hhd %Lf %qd %jd %zd %td', 1, 2, 3, 4, `5.5', 6, 7, 8, 9)
