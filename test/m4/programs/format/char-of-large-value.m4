format(`%c', 321) format(`%c', -190) format(`%c', 0)|
