package clockify

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ctx is the context the wire tests call with.
var ctx = context.Background()

// testKey is the API key setup's client sends; tests assert it never leaks.
const testKey = "test-key-5f3c9a1b7e2d4c6a8b0e1f2a"

// apiPrefix is where Clockify serves its API on every host (https://api.clockify.me/api/v1/...).
// The test server mounts the routes under it, as go-github's setup does, so a path the client
// builds without it (an absolute path, a dropped base path) fails the test instead of passing.
const apiPrefix = "/api"

// testServer is one test's recording Clockify: routes registered on the embedded ServeMux, by
// their path after /api ("GET /v1/user"), answer under srv.URL+"/api"; every request is recorded.
type testServer struct {
	*http.ServeMux
	URL string // the API root the client is given, ending in /api

	mu   sync.Mutex
	reqs []recordedRequest
}

// recordedRequest is a request as the server received it; Path is after /api.
type recordedRequest struct {
	Method, Path, RawQuery, Body string
}

// newTestServer starts a recording server, closed when the test ends.
func newTestServer(t *testing.T) *testServer {
	t.Helper()
	s := &testServer{ServeMux: http.NewServeMux()}
	root := http.NewServeMux()
	root.Handle(apiPrefix+"/", http.StripPrefix(apiPrefix, http.HandlerFunc(s.record)))
	root.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("request outside %s: %s %s", apiPrefix, r.Method, r.URL.Path)
		http.NotFound(w, r)
	})
	srv := httptest.NewServer(root)
	t.Cleanup(srv.Close)
	s.URL = srv.URL + apiPrefix
	return s
}

// record notes r, with its body, and serves it from the routes; the handler can read the body
// again.
func (s *testServer) record(w http.ResponseWriter, r *http.Request) {
	var body []byte
	if r.Body != nil {
		body, _ = io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
	}
	s.mu.Lock()
	s.reqs = append(s.reqs, recordedRequest{Method: r.Method, Path: r.URL.Path, RawQuery: r.URL.RawQuery, Body: string(body)})
	s.mu.Unlock()
	s.ServeMux.ServeHTTP(w, r)
}

// requests returns the requests received so far, in order.
func (s *testServer) requests() []recordedRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]recordedRequest(nil), s.reqs...)
}

// sent returns the requests received so far as "METHOD /path", in order.
func (s *testServer) sent() []string {
	var out []string
	for _, r := range s.requests() {
		out = append(out, r.Method+" "+r.Path)
	}
	return out
}

// count is how many requests the server received for route, "METHOD /path".
func (s *testServer) count(route string) int {
	n := 0
	for _, r := range s.sent() {
		if r == route {
			n++
		}
	}
	return n
}

// testOptions make a test client fast: the test key, no pacing, short retry waits.
func testOptions(baseURL string) []Option {
	return []Option{
		WithBaseURL(baseURL),
		WithAPIKey(testKey),
		WithoutRateLimit(),
		WithRetry(RetryPolicy{MaxRetries: 2, MinWait: time.Millisecond, MaxWait: 5 * time.Millisecond}),
	}
}

// setupServer starts a recording server whose routes the test registers, and a client for it
// (opts apply after the test options). Both are closed when the test ends.
func setupServer(t *testing.T, opts ...Option) (*Client, *testServer) {
	t.Helper()
	s := newTestServer(t)
	c, err := NewClient(overridden(testOptions(s.URL), opts)...)
	require.NoError(t, err)
	return c, s
}

// overridden is base followed by opts: a test's own WithRetry replaces the helper's (the last
// option for a setting wins).
func overridden(base, opts []Option) []Option {
	return append(append([]Option{}, base...), opts...)
}

// setup is setupServer for tests that only register routes.
func setup(t *testing.T, opts ...Option) (*Client, *http.ServeMux) {
	t.Helper()
	c, s := setupServer(t, opts...)
	return c, s.ServeMux
}

// readBody returns the request body as a string. Handlers run on the server's goroutines,
// where require's FailNow must not be called, so a read error is reported with assert.
func readBody(t *testing.T, r *http.Request) string {
	t.Helper()
	b, err := io.ReadAll(r.Body)
	assert.NoError(t, err)
	return string(b)
}

// assertRestriction asserts that err is a *RestrictionError naming rule for userID.
func assertRestriction(t *testing.T, err error, rule error, userID string) *RestrictionError {
	t.Helper()
	var re *RestrictionError
	require.True(t, errors.As(err, &re), "want a *RestrictionError, got %v", err)
	assert.ErrorIs(t, err, rule)
	assert.Equal(t, userID, re.UserID)
	assert.True(t, strings.HasPrefix(re.Error(), "clockify: "), re.Error())
	return re
}

// assertNoRestriction asserts that err names none of Clockify's rules.
func assertNoRestriction(t *testing.T, err error, msgAndArgs ...any) {
	t.Helper()
	var re *RestrictionError
	assert.False(t, errors.As(err, &re), msgAndArgs...)
}

// AssertRestriction and AssertNoRestriction lend the assertions to the behaviour tests (package
// clockify_test). They exist only in test builds.
var (
	AssertRestriction   = assertRestriction
	AssertNoRestriction = assertNoRestriction
)
