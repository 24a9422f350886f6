package clockify

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every Retry-After a server sends, however broken, gives a wait in [0, MaxWait] between
// attempts and an APIError.RetryAfter in [0, 24h].
func TestRetryAfter_garbageYieldsBoundedWait(t *testing.T) {
	values := map[string]time.Duration{ // the RetryAfter each must report
		"NaN":       0,
		"nan":       0,
		"-5":        0,
		"-Inf":      0,
		"+Inf":      maxRetryAfter,
		"1e300":     maxRetryAfter,
		"99999999":  maxRetryAfter,
		"1.5":       1500 * time.Millisecond,
		"soon":      0,
		"past date": 0,
		"far date":  maxRetryAfter,
	}
	header := map[string]string{
		"past date": time.Now().Add(-time.Hour).UTC().Format(http.TimeFormat),
		"far date":  time.Now().AddDate(5, 0, 0).UTC().Format(http.TimeFormat),
	}
	for v, want := range values {
		t.Run(v, func(t *testing.T) {
			sent := v
			if h, ok := header[v]; ok {
				sent = h
			}
			const maxWait = 20 * time.Millisecond
			client, srv := setupServer(t, WithRetry(RetryPolicy{MaxRetries: 2, MinWait: time.Millisecond, MaxWait: maxWait}))
			srv.HandleFunc("GET /v1/user", func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Retry-After", sent)
				w.WriteHeader(http.StatusTooManyRequests)
			})
			// Far more than three capped waits; a wait beyond the cap would hit it.
			cctx, cancel := context.WithTimeout(ctx, 10*time.Second)
			defer cancel()
			_, err := client.call(cctx, getUser)
			var apiErr *APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, want, apiErr.RetryAfter)
			assert.Equal(t, 3, srv.count("GET /v1/user"), "retried after capped waits")
		})
	}
}

func TestBackoff_retryAfterWithinZeroAndMax(t *testing.T) {
	for _, v := range []string{"NaN", "-1", "+Inf", "1e300", "9223372036", "Mon, 01 Jan 2999 00:00:00 GMT", "Mon, 01 Jan 1990 00:00:00 GMT"} {
		resp := &http.Response{StatusCode: http.StatusServiceUnavailable, Header: http.Header{"Retry-After": {v}}}
		got := backoff(10*time.Millisecond, time.Second, 0, resp)
		assert.GreaterOrEqual(t, got, time.Duration(0), v)
		assert.LessOrEqual(t, got, time.Second, v)
	}
}
