syscmd(`echo to stderr >&2')done
