package clockify

// APIKeysService covers what a program can do with credentials. Clockify's API has no
// endpoint to create, list, rename or delete API keys: that is done in the web app.
type APIKeysService service
