ifdef(`__gnu__', `gnu', `not gnu') ifdef(`regexp', `has regexp', `no regexp')
