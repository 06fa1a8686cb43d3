[esyscmd(`echo captured; echo passthrough >&2')]
