from dash file
