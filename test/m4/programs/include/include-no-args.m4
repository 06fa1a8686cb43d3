include [include()] [sinclude()]
