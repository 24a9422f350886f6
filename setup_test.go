package clockify

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ctx is the context the wire tests call with.
var ctx = context.Background()

// testKey is the API key setup's client sends; tests assert it never leaks.
const testKey = "test-key-5f3c9a1b7e2d4c6a8b0e1f2a"

// setup starts a fresh server whose routes the test registers on mux, and a client for it
// with retries fast and rate limiting off. Both are closed when the test ends.
func setup(t *testing.T, opts ...Option) (*Client, *http.ServeMux) {
	t.Helper()
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	base := []Option{
		WithBaseURL(srv.URL),
		WithAPIKey(testKey),
		WithoutRateLimit(),
		WithRetry(RetryPolicy{MaxRetries: 2, MinWait: time.Millisecond, MaxWait: 5 * time.Millisecond}),
	}
	c, err := NewClient(append(base, opts...)...)
	require.NoError(t, err)
	return c, mux
}

// readBody returns the request body as a string. Handlers run on the server's goroutines,
// where require's FailNow must not be called, so a read error is reported with assert.
func readBody(t *testing.T, r *http.Request) string {
	t.Helper()
	b, err := io.ReadAll(r.Body)
	assert.NoError(t, err)
	return string(b)
}

// roundTripFunc adapts a function to http.RoundTripper, for transports a test controls.
type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
