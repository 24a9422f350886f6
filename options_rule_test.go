package clockify

import (
	"log/slog"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// One rule for every option: each setting once.
func TestNewClient_settingGivenTwiceIsRefused(t *testing.T) {
	tests := map[string][]Option{
		"two API keys":                         {WithAPIKey(testKey), WithAPIKey("other-key-000000000000")},
		"same API key twice":                   {WithAPIKey(testKey), WithAPIKey(testKey)},
		"two addon tokens":                     {WithAddonToken("t1"), WithAddonToken("t2")},
		"region twice":                         {WithAPIKey(testKey), WithRegion(RegionEU), WithRegion(RegionUS)},
		"same region twice":                    {WithAPIKey(testKey), WithRegion(RegionEU), WithRegion("eu")},
		"subdomain twice":                      {WithAPIKey(testKey), WithSubdomain("a"), WithSubdomain("b")},
		"two HTTP clients":                     {WithAPIKey(testKey), WithHTTPClient(&http.Client{}), WithHTTPClient(&http.Client{})},
		"retry and no retry":                   {WithAPIKey(testKey), WithRetry(DefaultRetryPolicy()), WithoutRetry()},
		"rate limit and none":                  {WithAPIKey(testKey), WithRateLimit(10, 1), WithoutRateLimit()},
		"free plan and limiter":                {WithAPIKey(testKey), WithFreePlanRateLimit(), WithRateLimiter(&countingLimiter{})},
		"two user agents":                      {WithAPIKey(testKey), WithUserAgent("a/1"), WithUserAgent("b/1")},
		"two response limits":                  {WithAPIKey(testKey), WithMaxResponseBytes(1 << 20), WithMaxResponseBytes(2 << 20)},
		"two loggers":                          {WithAPIKey(testKey), WithLogger(slog.New(slog.DiscardHandler)), WithLogger(slog.New(slog.DiscardHandler))},
		"defaults cannot hold a setting twice": {Defaults(WithAPIKey(testKey), WithAPIKey(testKey))},
	}
	for name, opts := range tests {
		t.Run(name, func(t *testing.T) {
			c, err := NewClient(opts...)
			assert.Nil(t, c)
			var ve *ValidationError
			require.ErrorAs(t, err, &ve)
			assert.Contains(t, ve.Reason, "With")
			assert.NotContains(t, err.Error(), testKey)
		})
	}
}

// Defaults lets a later option replace a setting instead of being refused.
func TestDefaults_laterOptionReplaces(t *testing.T) {
	c, err := NewClient(Defaults(WithAPIKey(testKey), WithBaseURL("https://a.test/api"), WithoutRetry()),
		WithBaseURL("https://b.test/api"), WithRetry(DefaultRetryPolicy()))
	require.NoError(t, err)
	assert.Equal(t, "https://b.test/api/", c.BaseURL())

	h := sentHeaders(t, NewClient, Defaults(WithAPIKey("default-key-0000000000")), WithAddonToken("tok"))
	assert.Equal(t, "tok", h.Get("X-Addon-Token"))
	assert.Empty(t, h.Values("X-Api-Key"), "the default credential is replaced, not added")
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
