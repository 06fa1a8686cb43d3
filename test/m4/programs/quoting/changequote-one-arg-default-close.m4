changequote([)dnl
[quoted' still [nested'' done' [x]
