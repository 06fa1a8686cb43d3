changequote(`{{', `}}')dnl
{{ open {{ nested }} still open