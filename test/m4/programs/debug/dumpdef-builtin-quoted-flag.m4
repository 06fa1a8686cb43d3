define(`mylen', defn(`len'))debugmode(`q')dumpdef(`mylen', `len')
