format(`100%% sure %d%%', 5)
