package redisrate

import "github.com/clockify-go/clockify"

// Key returns the Redis key for the budget of one workspace and credential:
// "clockify:{workspaceID}:{clockify.Fingerprint(apiKey)}". Clockify limits requests per
// workspace and credential, so replicas using the same key share one budget while other
// workspaces and keys get their own. The key holds only the fingerprint, never the secret.
func Key(workspaceID, apiKey string) string {
	return "clockify:" + workspaceID + ":" + clockify.Fingerprint(apiKey)
}
