package redisrate

import (
	"fmt"
	"strings"
)

// Key returns the Redis key for the budget of one workspace and credential:
// "clockify:{workspaceID}:{fingerprint}". Pass the credential's fingerprint, never the API
// key itself: build it with clockify.Fingerprint(apiKey) from the core module, which this
// module does not import:
//
//	key, err := redisrate.Key(workspaceID, clockify.Fingerprint(apiKey))
//
// Clockify limits requests per workspace and credential, so replicas using the same key share
// one budget while other workspaces and keys get their own. Key refuses, with an error
// matching ErrInvalidArgument, an empty workspaceID and a fingerprint that is not of the form
// clockify.Fingerprint returns ("fp:" and lower-case hex digits), so that an API key passed
// by mistake never becomes part of a Redis key.
func Key(workspaceID, fingerprint string) (string, error) {
	if workspaceID == "" {
		return "", fmt.Errorf("%w: workspace id must not be empty", ErrInvalidArgument)
	}
	if !isFingerprint(fingerprint) {
		return "", fmt.Errorf("%w: fingerprint must be clockify.Fingerprint(apiKey), not the key itself", ErrInvalidArgument)
	}
	return "clockify:" + workspaceID + ":" + fingerprint, nil
}

// isFingerprint reports whether s has the form of clockify.Fingerprint's result.
func isFingerprint(s string) bool {
	hex, ok := strings.CutPrefix(s, "fp:")
	if !ok || hex == "" || len(hex) > 64 {
		return false
	}
	for _, r := range hex {
		if (r < '0' || r > '9') && (r < 'a' || r > 'f') {
			return false
		}
	}
	return true
}
