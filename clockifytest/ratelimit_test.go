package clockifytest

import (
	"net/http"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRateLimit_429WithoutRetryAfterByDefault(t *testing.T) {
	// One request per 1000 s with a burst of 2: the third request is refused
	// however slow the machine is.
	s := newDemo(t, WithRateLimit(0.001), WithRateLimitBurst(2))
	assert.Equal(t, http.StatusOK, send(t, s, http.MethodGet, "/v1/user", "").status)
	assert.Equal(t, http.StatusOK, send(t, s, http.MethodGet, "/v1/user", "").status)
	r := send(t, s, http.MethodGet, "/v1/user", "")
	assert.JSONEq(t, `{"message":"Too many requests","code":429}`, string(r.body))
	assertError(t, r, http.StatusTooManyRequests, 429, "Too many requests")
	assert.NotContains(t, r.header, "Retry-After", "Clockify documents no Retry-After")

	// Rate-limited requests consume no fault.
	s.InjectFault(Fault{Status: 500})
	assert.Equal(t, http.StatusTooManyRequests, send(t, s, http.MethodGet, "/v1/user", "").status)
	assert.Equal(t, 1, s.PendingFaults())

	s.SetRateLimit(0, 0)
	s.ClearFaults()
	for range 20 {
		require.Equal(t, http.StatusOK, send(t, s, http.MethodGet, "/v1/user", "").status)
	}
}

func TestRateLimit_retryAfterOptIn(t *testing.T) {
	s := newDemo(t, WithRateLimit(0.001), WithRateLimitBurst(2), WithRateLimitRetryAfter(true))
	send(t, s, http.MethodGet, "/v1/user", "")
	send(t, s, http.MethodGet, "/v1/user", "")
	r := send(t, s, http.MethodGet, "/v1/user", "")
	assertError(t, r, http.StatusTooManyRequests, 429, "Too many requests")
	secs, err := strconv.Atoi(r.header.Get("Retry-After"))
	require.NoError(t, err)
	assert.InDelta(t, 1000, secs, 30, "whole seconds until the next token")

	// The option survives SetRateLimit.
	s.SetRateLimit(0.002, 1)
	send(t, s, http.MethodGet, "/v1/user", "")
	r = send(t, s, http.MethodGet, "/v1/user", "")
	require.Equal(t, http.StatusTooManyRequests, r.status)
	secs, err = strconv.Atoi(r.header.Get("Retry-After"))
	require.NoError(t, err)
	assert.InDelta(t, 500, secs, 30)
}

func TestRateLimit_defaultBurstIsTheRate(t *testing.T) {
	s := newDemo(t)
	// burst max(1, int(0.001)) = 1 and a token every 1000 s, so the second
	// request is refused however slow the machine is.
	s.SetRateLimit(0.001, 0)
	assert.Equal(t, http.StatusOK, send(t, s, http.MethodGet, "/v1/user", "").status)
	assert.Equal(t, http.StatusTooManyRequests, send(t, s, http.MethodGet, "/v1/user", "").status)

	// burst max(1, int(2.9)) = 2.
	s.SetRateLimit(2.9, 0)
	assert.Equal(t, 2, s.limiter.l.Burst())
}
