regexp(`the cat sat', `\<s', `[\&]') regexp(`concat', `\bcat', `no') regexp(`xcat', `\Bcat', `[\&]') regexp(`ab cd', `d\>', `[\&]')
