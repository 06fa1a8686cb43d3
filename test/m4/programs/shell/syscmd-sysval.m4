syscmd(`true')sysval syscmd(`false')sysval syscmd(`exit 7')sysval
