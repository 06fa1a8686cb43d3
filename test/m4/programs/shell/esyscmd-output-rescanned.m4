define(`word', `EXPANDED')dnl
changequote([, ])dnl
esyscmd([echo word])esyscmd([echo "\`word'"])
