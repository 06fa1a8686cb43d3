patsubst(`John Smith', `\(\w+\) \(\w+\)', `\2, \1') patsubst(`a-b-c', `-', `\&\&')
