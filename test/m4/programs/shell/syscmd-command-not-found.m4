syscmd(`/nonexistent/command 2>/dev/null')sysval
