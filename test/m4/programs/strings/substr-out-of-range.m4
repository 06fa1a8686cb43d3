[substr(`hello', 10)] [substr(`hello', -1)] [substr(`hello', 2, -1)] [substr(`hello', 5)]
