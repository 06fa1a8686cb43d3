syscmd(`echo "FOO=$FOO"')
