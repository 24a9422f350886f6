package redisrate_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clockify-go/clockify/ratelimit/redisrate"
)

// fingerprint is what clockify.Fingerprint returns for some key: "fp:" and 12 hex digits.
const fingerprint = "fp:3f1c0a9be27d"

func TestKey_namesWorkspaceAndFingerprint(t *testing.T) {
	k, err := redisrate.Key("ws1", fingerprint)
	require.NoError(t, err)
	assert.Equal(t, "clockify:ws1:"+fingerprint, k)

	other, err := redisrate.Key("ws1", "fp:3f1c0a9be27e")
	require.NoError(t, err)
	assert.NotEqual(t, k, other, "another credential has its own budget")
	other, err = redisrate.Key("ws2", fingerprint)
	require.NoError(t, err)
	assert.NotEqual(t, k, other, "another workspace has its own budget")
}

// An API key passed where the fingerprint belongs must never end up in a Redis key (where
// KEYS, MONITOR and Redis's own logs would show it), nor in the error.
func TestKey_refusesWhatIsNotAFingerprint(t *testing.T) {
	const apiKey = "NWE2ZjQ0YTgtc2VjcmV0LWtleQ"
	for name, c := range map[string]struct{ ws, fp string }{
		"api key":          {"ws1", apiKey},
		"empty":            {"ws1", ""},
		"prefix only":      {"ws1", "fp:"},
		"upper-case hex":   {"ws1", "fp:3F1C0A9BE27D"},
		"not hex":          {"ws1", "fp:" + apiKey},
		"empty workspace":  {"", fingerprint},
		"prefix elsewhere": {"ws1", "x" + fingerprint},
	} {
		t.Run(name, func(t *testing.T) {
			k, err := redisrate.Key(c.ws, c.fp)
			require.ErrorIs(t, err, redisrate.ErrInvalidArgument)
			assert.Empty(t, k)
			assert.NotContains(t, err.Error(), apiKey)
		})
	}
}
