package clockify

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// One rule for every option: the last option for a setting wins.
func TestNewClient_lastOptionForASettingWins(t *testing.T) {
	c, err := NewClient(WithAPIKey("first-key-00000000000"), WithBaseURL("https://a.test/api"), WithoutRetry(),
		WithRegion(RegionEU), WithBaseURL("https://b.test/api"), WithRetry(DefaultRetryPolicy()), WithAPIKey(testKey))
	require.NoError(t, err)
	assert.Equal(t, "https://b.test/api/", c.BaseURL())

	h := sentHeaders(t, NewClient, WithAPIKey("first-key-00000000000"), WithAPIKey(testKey))
	assert.Equal(t, testKey, h.Get("X-Api-Key"), "the later key replaces the earlier")
	assert.Len(t, h.Values("X-Api-Key"), 1)
}

// The exception: an API key and an addon token together are refused, in either order, and the
// error does not show the key.
func TestNewClient_keyAndAddonTokenTogetherAreRefused(t *testing.T) {
	for name, opts := range map[string][]Option{
		"key then token": {WithAPIKey(testKey), WithAddonToken("tok")},
		"token then key": {WithAddonToken("tok"), WithAPIKey(testKey)},
	} {
		t.Run(name, func(t *testing.T) {
			c, err := NewClient(opts...)
			assert.Nil(t, c)
			var ve *ValidationError
			require.ErrorAs(t, err, &ve)
			assert.Contains(t, ve.Reason, "conflicts with")
			assert.NotContains(t, err.Error(), testKey)
		})
	}
}

// WithRegion takes every name ParseRegion and CLOCKIFY_REGION take; an empty one is refused
// everywhere rather than meaning global.
func TestWithRegion_sameNamesAsParseRegion(t *testing.T) {
	for name, want := range map[Region]string{
		"eu": "https://euc1.clockify.me/api/", " UK ": "https://euw2.clockify.me/api/", "usa": "https://use2.clockify.me/api/",
		"au": "https://apse2.clockify.me/api/", "global": "https://api.clockify.me/api/", RegionEU: "https://euc1.clockify.me/api/",
	} {
		c, err := NewClient(WithAPIKey(testKey), WithRegion(name))
		require.NoError(t, err, name)
		assert.Equal(t, want, c.BaseURL(), name)
	}
	_, err := NewClient(WithAPIKey(testKey), WithRegion(""))
	assert.ErrorIs(t, err, ErrInvalidInput)
	_, err = ParseRegion("")
	assert.ErrorIs(t, err, ErrInvalidInput)
	_, err = ParseRegion("  ")
	assert.ErrorIs(t, err, ErrInvalidInput)

	clearClockifyEnv(t)
	t.Setenv("CLOCKIFY_API_KEY", "env-key")
	t.Setenv("CLOCKIFY_REGION", "eu")
	c, err := NewClientFromEnv()
	require.NoError(t, err)
	assert.Equal(t, "https://euc1.clockify.me/api/", c.BaseURL())
}

// A base URL ending in /v1, as Clockify's reference writes it, is refused with a message
// naming the root to give instead.
func TestWithBaseURL_endingInV1IsRefused(t *testing.T) {
	for _, u := range []string{"https://api.clockify.me/api/v1", "https://api.clockify.me/api/v1/", "http://127.0.0.1:9/v1"} {
		_, err := NewClient(WithAPIKey(testKey), WithBaseURL(u))
		var ve *ValidationError
		require.ErrorAs(t, err, &ve, u)
		assert.Contains(t, ve.Reason, "/v1", u)
	}
	_, err := NewClient(WithAPIKey(testKey), WithBaseURL("https://api.clockify.me/api/v1"))
	assert.Contains(t, err.Error(), `"https://api.clockify.me/api"`)

	clearClockifyEnv(t)
	t.Setenv("CLOCKIFY_API_KEY", "env-key")
	t.Setenv("CLOCKIFY_BASE_URL", "https://euc1.clockify.me/api/v1")
	_, err = NewClientFromEnv()
	assert.ErrorIs(t, err, ErrInvalidInput)

	// A path segment that merely starts with v1 is a root like any other.
	c, err := NewClient(WithAPIKey(testKey), WithBaseURL("https://proxy.test/v10"))
	require.NoError(t, err)
	assert.Equal(t, "https://proxy.test/v10/", c.BaseURL())
}
