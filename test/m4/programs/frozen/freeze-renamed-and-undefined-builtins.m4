define(`mylen', defn(`len'))undefine(`len')undefine(`define')dnl
