__gnu__ ifdef(`__gnu__', `gnu', `not gnu') ifdef(`regexp', `has regexp', `no regexp') ifdef(`patsubst', `p', `np') esyscmd(`echo x')
