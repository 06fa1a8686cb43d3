debugmode(`z')debugmode(`a+')done
